// The page's script, served as a file from the site's own origin (allowed by script-src 'self').
// TODO: the footer's year (move it here from the inline <script> in server.js).
