// The design system's behaviour (skip link, error summary focus, notification banners, details).
import { initAll } from "../vendor/govuk-frontend/govuk-frontend.min.js";

initAll();

// One open header menu at a time; Escape closes it and returns focus to its summary.
const menus = Array.from(document.querySelectorAll("details.site-menu"));
menus.forEach((menu) => {
  menu.addEventListener("toggle", () => {
    if (menu.open) menus.forEach((other) => { if (other !== menu) other.open = false; });
  });
  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
});
document.addEventListener("click", (event) => {
  menus.forEach((menu) => { if (menu.open && !menu.contains(event.target)) menu.open = false; });
});
