"""anonymise: batch anonymisation of Word, PDF and text documents about people.

The pipeline flows one way: read (``formats``) → detect (``detect``) → decide replacements
(``people``, ``plan``) → write (``formats``) → report (``report``); ``batch`` is the only loop.
"""

__version__ = "0.1.0"
