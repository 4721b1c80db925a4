#!/usr/bin/env python3
"""Build the reports of a year: see ``python run_reports.py --help`` and README.md."""

import sys

from wijkrapport.cli import main

if __name__ == "__main__":
    sys.exit(main())
