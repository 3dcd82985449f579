module errgen.bench

go 1.22

require example.com/binance-options-errors v0.0.0

replace example.com/binance-options-errors => ../../out/go
