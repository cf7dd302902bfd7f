"""The rules, by group: facts (JA1xx), attraction (JA2xx), language (JA3xx), law (JA4xx),
presentation (JA5xx)."""
