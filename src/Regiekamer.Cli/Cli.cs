using System.CommandLine;
using Regiekamer.Cli.Commands;

namespace Regiekamer.Cli;

/// <summary>
/// The <c>regiekamer</c> command line. Callable in-process (the tests do) with its own output writers, clock and
/// environment. Exit codes: 0 done, 1 bad input (every problem reported on stderr, nothing on stdout), 2 usage error.
/// </summary>
public static class Cli
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int UsageError = 2;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time) =>
        RunAsync(args, stdout, stderr, time, Environment.GetEnvironmentVariable);

    /// <param name="environment">Reads an environment variable (Database__Provider, ConnectionStrings__Regiekamer).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, Func<string, string?> environment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var cli = new CliContext(stdout, stderr, time, environment);
        var root = new RootCommand("Regiekamer: subsidie lokale regierol sociale economie en werk. Subsidiabiliteit (R1-R6), meerjarenplannen (R10-R12), verdeling (R13) en import van referentiecijfers.")
        {
            cli.Language,
            EligibilityCommand.Create(cli),
            AllocateCommand.Create(cli),
            ImportCommand.Create(cli),
            DbCommand.Create(cli),
            UsersCommand.Create(cli),
            TokensCommand.Create(cli),
            AuditCommand.Create(cli),
            PersonsCommand.Create(cli),
            PlanCommand.Create(cli),
            LedgerCommand.Create(cli),
            ActorsCommand.Create(cli),
            CatalogueCommand.Create(cli),
            VouchersCommand.Create(cli),
            KboCommand.Create(cli),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                cli.Error(error.Message);
            }

            cli.Error("Zie 'regiekamer --help' / see 'regiekamer --help'.");
            await stderr.FlushAsync(ct);
            return UsageError;
        }

        var exit = await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, ct);
        await stdout.FlushAsync(ct);
        await stderr.FlushAsync(ct);
        return exit;
    }
}
