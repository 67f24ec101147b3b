"""Brief rendering: a brief's items -> the documented template context -> Word (.docx) or an HTML summary.

Qt-free; the printed/PDF summary is drawn by ui/printer.py from the HTML made here.
Modules: context (the one context builder), templates (built-in and user templates),
docx (Word rendering), summary (HTML), marking, build (the steps window and CLI share),
commands (the `render` and `summary` sub-commands). Import from them directly: this
package imports nothing so that `briefing --help` stays quick.
"""
