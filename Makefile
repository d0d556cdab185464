.PHONY: site test bench clean

site:
	bash scripts/build-example.sh

test:
	bash scripts/test.sh

bench:
	bash scripts/bench/run.sh

clean:
	rm -rf public .build .bench
