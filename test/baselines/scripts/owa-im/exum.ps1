# Office Farm configuration script for Exchange exum
# Run it in: Exchange Management Shell
# Made by office-farm script from owa-im.farm. Read it before you run it.
# Running it again is safe: each step looks before it changes anything.
#
# Unresolved in owa-im.farm (what they concern is left out, or marked TODO below):
#   30:9 error FARM326 Lync presence between Lync Server 2013 (pool01) and Exchange Server 2016 (ex16) is not supported: IM integration between Lync Server 2013 and Exchange 2016 or later is not supported (use Skype for Business Server 2015 or later).

$ErrorActionPreference = 'Stop'

# Nothing to configure on exum: the topology asks nothing of it.
