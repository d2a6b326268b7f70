// Every Dapper call in this assembly is intercepted by code Dapper.AOT writes at build time; value tuples are read by
// position, as Dapper itself reads them.
[module: Dapper.DapperAot]
[module: Dapper.BindTupleByName(false)]
