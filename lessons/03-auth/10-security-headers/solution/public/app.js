// The page's script, served as a file from the site's own origin (allowed by script-src 'self').
document.getElementById('year').textContent = new Date().getFullYear();
