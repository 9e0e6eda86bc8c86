import { JoinPage } from "./pages/JoinPage";
import { ModelPage } from "./pages/ModelPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { RoomPage } from "./pages/RoomPage";
import { StartPage } from "./pages/StartPage";
import { matchRoute, usePathname } from "./router";

export function App() {
  const route = matchRoute(usePathname());
  switch (route.page) {
    case "start":
      return <StartPage />;
    case "join":
      return <JoinPage />;
    case "room":
      // A new workshop id is a new room: remount so no state carries over.
      return <RoomPage key={route.workshopId} workshopId={route.workshopId} view={route.view} />;
    case "model":
      return <ModelPage key={route.modelId} modelId={route.modelId} />;
    case "notFound":
      return <NotFoundPage />;
  }
}
