"""Brief rendering: the template context, Word documents and the printable summary."""
