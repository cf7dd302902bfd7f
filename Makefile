# The same tasks as ./dev, for those who type `make`.
.PHONY: setup site serve test lint
setup:
	./dev setup
site:
	./dev site
serve:
	./dev serve
test:
	./dev test
lint:
	./dev lint
