# Office Farm configuration script for Exchange exum
# Run it in: Exchange Management Shell
# Made by office-farm script from owa-im.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# owa-im.farm has no unresolved errors or warnings.

$ErrorActionPreference = 'Stop'

# Nothing to configure on exum: the topology asks nothing of it.
