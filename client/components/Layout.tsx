import type { ReactNode } from "react";
import { useEffect } from "react";
import { Link } from "./Link";

/** A button, not a #main link: on /join the URL fragment holds the invite token. */
function skipToMain(): void {
  document.getElementById("main")?.focus();
}

/** The frame of every page: a skip link, the brand, and the page's own content under one <main>. */
export function Layout({
  title,
  children,
  header,
}: {
  title: string;
  children: ReactNode;
  header?: ReactNode;
}) {
  useEffect(() => {
    document.title = title ? `${title} · Riskroom` : "Riskroom";
  }, [title]);
  return (
    <>
      <button type="button" className="skip-link" onClick={skipToMain}>
        Skip to content
      </button>
      <header className="app-header">
        <Link className="brand" href="/">
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          Riskroom
        </Link>
        {header}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
