"""Hostile texts for the escaping tests: each must be shown as these characters wherever record text appears."""

AANVALLEN: tuple[str, ...] = (
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "$x^2$",
    "[klik](javascript:alert(1))",
    "{{ 7*7 }}",
    '=HYPERLINK("http://x")',
)
"""HTML that runs script, a script-element break-out, matplotlib mathtext, a Markdown link, template syntax and a
spreadsheet formula."""

ALLE_AANVALLEN = " ".join(AANVALLEN)
"""All of them in one text."""
