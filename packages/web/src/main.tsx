import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { SessionProvider } from "./auth/session.tsx";
import { initI18n } from "./i18n/index.ts";
import "./styles.css";
import "./styles/responsive.css";
import "./styles/print.css";

initI18n();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
