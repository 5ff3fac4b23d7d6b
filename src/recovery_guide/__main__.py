"""Allow ``python -m recovery_guide``."""

from recovery_guide.cli import main

raise SystemExit(main())
