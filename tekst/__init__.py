"""Dutch text for readers: numbers, sentences, periods, sources and selections, built from the domain in
``classify``. Imports only ``classify``; ``projectdb``, ``kaart`` and ``dashboard`` use it."""
