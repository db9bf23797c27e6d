"""``python -m projectdb``: see :mod:`projectdb.cli`."""

from projectdb.cli import main

raise SystemExit(main())
