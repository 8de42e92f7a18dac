"""Which code points are Han characters: the CJK ideograph blocks, as one regex class body."""

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
