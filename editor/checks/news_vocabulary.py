"""Words of the news that general dictionaries lack, so spell check does not flag every story about them.

Kept as data, lower case; hyphenated forms are checked part by part ("al-Qaeda": "al" and "qaeda").
"""

from __future__ import annotations

NEWS_WORDS = frozenset(
    """
    al qaeda qaida jihad jihadi jihadis jihadist jihadists jihadism sharia shia shiite shiites sunni sunnis
    salafi salafist salafists wahhabi hezbollah hamas taliban peshmerga ayatollah imam imams mullah mullahs
    caliphate caliph mujahideen fatwa intifada burqa niqab hijab madrassa madrassas kurd kurds kurdish
    yazidi yazidis alawite alawites houthi houthis isis isil daesh
    airstrike airstrikes drone drones cyberattack cyberattacks ceasefire ceasefires frontline frontlines
    counterterrorism counterinsurgency insurgent insurgents militia militias militiamen warlord warlords
    lawmaker lawmakers policymaker policymakers statehouse superpac superpacs
    newsroom newscast newscasts livestream livestreamed livestreaming
    """.split()
)
