"""Stage 4, render: staged Markdown and templates turned into HTML by the site engine."""
