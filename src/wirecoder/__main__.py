from wirecoder.cli import main

raise SystemExit(main())
