"""Quality gates: the built site as a reader's browser sees it (Chromium, axe, Nu HTML Checker, LinkChecker)."""
