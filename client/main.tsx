import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "./styles.css";
import "./styles/room.css";
import "./styles/nav.css";
import "./styles/fields.css";
import "./styles/scenario.css";
import "./styles/threats.css";
import "./styles/people.css";
import "./styles/overview.css";
import "./styles/editor.css";
import "./styles/facilitation.css";
import "./styles/framework.css";
import "./styles/rounds.css";
import "./styles/charts.css";
import "./styles/acceptance.css";
import "./styles/snapshots.css";
import "./styles/incidents.css";
import "./styles/models.css";
import "./styles/audit.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
