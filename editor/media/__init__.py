"""Media: the python-vlc player adapter, PyAV audio decoding, waveform peaks. No Qt widgets."""
