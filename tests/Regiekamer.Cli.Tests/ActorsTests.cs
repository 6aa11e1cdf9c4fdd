using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using AuditActor = Regiekamer.Core.Accounts.Actor;

namespace Regiekamer.Cli.Tests;

/// <summary>Issue 10, point 1: <c>actors export</c> gives the department's actor list as CSV (or XLSX to a file), filtered, formulas neutralised.</summary>
public sealed class ActorsTests
{
    private static ActorInput Input(string name, string nis) =>
        new(name, null, "maatwerkbedrijf", "Kerkstraat", "1", "9240", nis, null, null, null, null, null, [], [nis]);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_FiltersByPartnershipAndMunicipality_NeutralisesFormulas_AndRefusesBadInput(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var zele = await database.Services.CreatePartnershipAsync(p => p.Interlocal("Zele", "Zele", "Hamme").Named("Regie Zele-Hamme"));
        var gent = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        await using (var scope = database.NewScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = new AuditActor(Guid.NewGuid(), "rita.regie@test.regiekamer", "Regisseur");
            var actors = scope.ServiceProvider.GetRequiredService<ActorService>();
            Assert.True((await actors.CreateAsync(zele.Id, Input("=HYPERLINK(\"x\")", "42028"))).IsSuccess);
            Assert.True((await actors.CreateAsync(gent.Id, Input("Kringloop Gent", "44021"))).IsSuccess);
        }

        var all = await Run.Cli(Args(database, "actors", "export"));
        Assert.True(all.ExitCode == 0, all.Stderr);
        var lines = all.Stdout.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("id,regieverband,naam,kbo,soort", lines[0], StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", all.Stdout, StringComparison.Ordinal);

        var zeleOnly = await Run.Cli(Args(database, "actors", "export", "--partnership", zele.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain("Kringloop Gent", zeleOnly.Stdout, StringComparison.Ordinal);
        var gentOnly = await Run.Cli(Args(database, "actors", "export", "--municipality", "44021"));
        Assert.Contains("Kringloop Gent", gentOnly.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("HYPERLINK", gentOnly.Stdout, StringComparison.Ordinal);

        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "actoren.xlsx");
        var xlsx = await Run.Cli(Args(database, "actors", "export", "--format", "xlsx", "--output", file));
        Assert.True(xlsx.ExitCode == 0, xlsx.Stderr);
        Assert.Contains("2 actoren geschreven", xlsx.Stdout, StringComparison.Ordinal);
        Assert.Equal((byte)'P', (await File.ReadAllBytesAsync(file))[0]);

        var noFile = await Run.Cli(Args(database, "actors", "export", "--format", "xlsx"));
        var badNis = await Run.Cli(Args(database, "actors", "export", "--municipality", "99999"));
        var noPartnership = await Run.Cli(Args(database, "actors", "export", "--partnership", "9999"));
        Assert.Equal((1, 1, 1), (noFile.ExitCode, badNis.ExitCode, noPartnership.ExitCode));
        Assert.Contains("--output", noFile.Stderr, StringComparison.Ordinal);
        Assert.Contains("99999", badNis.Stderr, StringComparison.Ordinal);
        Assert.Contains("9999", noPartnership.Stderr, StringComparison.Ordinal);
    }

    private static string[] Args(TestDatabase database, params string[] args) =>
        [.. args, "--database", database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql", "--connection", database.ConnectionString];
}
