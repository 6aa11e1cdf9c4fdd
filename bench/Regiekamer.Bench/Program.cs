using BenchmarkDotNet.Running;
using Regiekamer.Core.Data;

namespace Regiekamer.Bench;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // bench/wrk/run.sh: the dossiers issue 8's page targets are measured on, in the running app's database.
        if (args is ["seed-dossiers", var connection])
        {
            return await DossierData.SeedAsync(connection);
        }

        // bench/wrk/run.sh: the ledger issue 9's page target is measured on (40 beneficiaries × 3 years × 4 payments).
        if (args is ["seed-ledger", var ledgerConnection])
        {
            return await LedgerData.SeedAsync(ledgerConnection);
        }

        // docs/performance.md, "KBO import": a synthetic full extract of ENTERPRISES (default 1,000,000) enterprises.
        if (args is ["kbo-extract", var kboPath, .. var rest])
        {
            return KboExtractGenerator.Write(kboPath, rest is [var count] ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
        }

        // bench/wrk/run.sh: the catalogue issue 10's search target is measured on (5,000 actors, 20,000 services).
        if (args is ["seed-catalogue", var catalogueConnection])
        {
            return await CatalogueData.SeedAsync(catalogueConnection);
        }

        // docs/performance.md, "catalogue": the search computed afresh, timed without BenchmarkDotNet (quick look).
        if (args is ["catalogue-search", .. var searchArgs])
        {
            var provider = searchArgs is [var p, ..] ? DatabaseOptions.ParseProvider(p) : DatabaseProvider.Sqlite;
            var rounds = searchArgs is [_, var r] ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 50;
            return await CatalogueBenchDatabase.TimeAsync(provider, rounds);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
