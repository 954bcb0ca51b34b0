// Replaces the theme's scripts/fontawesome.js (1.5 MB, 0.54 MB compressed, on every page).
// That script redraws <i class="fa-..."> icons as SVG so custom icons can be added; this book
// adds none, and the theme's stylesheet already draws every Font Awesome icon from its webfont.
// Sphinx copies our static files after the theme's, so this file wins (same name).
