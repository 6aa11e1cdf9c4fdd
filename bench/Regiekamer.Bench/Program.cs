using BenchmarkDotNet.Running;

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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
