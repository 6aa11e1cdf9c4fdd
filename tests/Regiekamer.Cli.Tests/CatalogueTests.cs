using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;
using AuditActor = Regiekamer.Core.Accounts.Actor;

namespace Regiekamer.Cli.Tests;

/// <summary>
/// Issue 10, point 5: <c>catalogue export</c> gives the public catalogue as the CSV download on /Catalogue has it
/// (the same <see cref="CatalogueExport"/>), filtered like the page, formulas neutralised, XLSX to a file; bad filters
/// are errors naming the option, with nothing written.
/// </summary>
public sealed class CatalogueTests
{
    private const string Antwerpen = "11002";
    private const string Wetteren = "42025";

    private static readonly string[] Header =
        ["id", "supplier", "supplier_kind", "title", "description", "categories", "cpv_codes", "municipalities_nis", "target_groups", "contact_name", "contact_email", "contact_phone", "website", "last_confirmed"];

    private static ActorInput Actor(string name, string nis) =>
        new(name, null, "maatwerkbedrijf", "Kerkstraat", "1", "9240", nis, "https://leverancier.test", "info@leverancier.test", "03 123 45 67", null, null, [], [nis]);

    private static OfferingInput Service(string title, string category, string cpv, string nis, bool consent) =>
        new(title, "Een dienst van een maatwerkbedrijf.", [category], [cpv], [nis], [], ["arbeidshandicap"], "An Peeters", "an@leverancier.test", "0470 00 00 00", consent);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_GivesThePublishedServices_AsThePageDoes_Filtered_Neutralised_AndXlsxReadsBack(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (formula, bikes, hidden) = await SeedAsync(database);

        var all = await Cli(database, "catalogue", "export");
        Assert.True(all.ExitCode == 0, all.Stderr);
        Assert.Equal("", all.Stderr);
        var rows = Run.Csv(all.Stdout, out var header);
        Assert.Equal(Header, header);
        Assert.Equal(new[] { formula, bikes }.Order(), rows.Select(r => int.Parse(r["id"], CultureInfo.InvariantCulture)).Order());
        Assert.DoesNotContain(rows, r => r["id"] == hidden.ToString(CultureInfo.InvariantCulture));
        var first = rows.Single(r => r["id"] == formula.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("'=HYPERLINK(\"http://x.test\")", first["title"]);
        Assert.Equal(("Groen Antwerpen", "groenonderhoud", "77310000-6", Antwerpen, "An Peeters"), (first["supplier"], first["categories"], first["cpv_codes"], first["municipalities_nis"], first["contact_name"]));
        Assert.Equal(CatalogueRules.Day(new BrusselsClock(database.Time).Today), first["last_confirmed"]);
        var second = rows.Single(r => r["id"] == bikes.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(("Fietsherstel voor bedrijven", ""), (second["title"], second["contact_name"])); // no consent: no contact person

        // The same bytes as the page's download, which builds its table from the app's own search.
        await using (var scope = database.NewScope())
        {
            var entries = await scope.ServiceProvider.GetRequiredService<CatalogueSearch>().EveryMatchAsync(new CatalogueQuery());
            var page = new System.Text.UTF8Encoding(false).GetString(CatalogueExport.Of(entries.Value!).ToCsv()).TrimStart('\uFEFF');
            Assert.Equal(page.ReplaceLineEndings("\n").TrimEnd(), all.Stdout.ReplaceLineEndings("\n").TrimEnd());
        }

        Assert.Equal([bikes], Ids(await Cli(database, "catalogue", "export", "--municipality", Wetteren)));
        Assert.Equal([formula], Ids(await Cli(database, "catalogue", "export", "--region", "REFREG01")));
        Assert.Equal([formula], Ids(await Cli(database, "catalogue", "export", "--cpv", "7731")));
        Assert.Equal([bikes], Ids(await Cli(database, "catalogue", "export", "--category", "fietsen")));
        Assert.Equal([bikes], Ids(await Cli(database, "catalogue", "export", "--q", "fiets")));
        var none = await Cli(database, "catalogue", "export", "--municipality", Wetteren, "--q", "groen");
        Assert.Equal((0, "id,supplier"), (none.ExitCode, none.Stdout[..11]));
        Assert.Empty(Ids(none));

        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "catalogus.xlsx");
        var xlsx = await Cli(database, "catalogue", "export", "--format", "xlsx", "--output", file);
        Assert.True(xlsx.ExitCode == 0, xlsx.Stderr);
        Assert.Contains("2 diensten geschreven naar", xlsx.Stdout, StringComparison.Ordinal);
        var sheet = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(Header, sheet[0].Keys);
        Assert.Equal(rows.Select(r => r["id"]), sheet.Select(r => (string)r["id"]));
        Assert.Equal(rows.Select(r => r["title"]), sheet.Select(r => (string)r["title"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_RefusesBadInput_NamingTheOption_AndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "catalogus.xlsx");

        foreach (var (args, option) in new (string[] Args, string Option)[]
        {
            (["--format", "pdf"], "--format"),
            (["--format", "xlsx"], "--output"),
            (["--output", Path.Combine(folder.Path, "geen-map", "c.csv")], "--output"),
            (["--municipality", "123", "--format", "xlsx", "--output", file], "--municipality"),
            (["--municipality", "99999", "--format", "xlsx", "--output", file], "--municipality"),
            (["--cpv", "abc"], "--cpv"),
            (["--region", "REFREG99"], "--region"),
            (["--category", "onbekend"], "--category"),
            (["--kind", "onbekend"], "--kind"),
            (["--target-group", "onbekend"], "--target-group"),
        })
        {
            var outcome = await Cli(database, ["catalogue", "export", .. args]);
            Assert.True(outcome.ExitCode == 1, $"{string.Join(' ', args)}: exit {outcome.ExitCode}");
            Assert.Equal("", outcome.Stdout);
            Assert.Contains(option, outcome.Stderr, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(file));
        var english = await Cli(database, "catalogue", "export", "--cpv", "abc", "--language", "en");
        Assert.StartsWith("--cpv: CPV code: 2 to 8 digits", english.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A published service whose title a spreadsheet would run, a published one without consent for its contact, and one not published.</summary>
    private static async Task<(int Formula, int Bikes, int Hidden)> SeedAsync(TestDatabase database)
    {
        var antwerp = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Antwerpen").Named("Regie Antwerpen"));
        var wetteren = await database.Services.CreatePartnershipAsync(p => p.Interlocal("Wetteren", "Wetteren", "Wichelen").Named("Regie Wetteren"));
        await using var scope = database.NewScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = new AuditActor(Guid.NewGuid(), "rita.regie@test.regiekamer", "Regisseur");
        var actors = scope.ServiceProvider.GetRequiredService<ActorService>();
        var offerings = scope.ServiceProvider.GetRequiredService<OfferingService>();
        var green = Ok(await actors.CreateAsync(antwerp.Id, Actor("Groen Antwerpen", Antwerpen)));
        var cycles = Ok(await actors.CreateAsync(wetteren.Id, Actor("Fietsatelier Wetteren", Wetteren)));

        async Task<int> Offer(int partnership, int actor, OfferingInput input, bool publish)
        {
            var created = Ok(await offerings.CreateAsync(partnership, actor, input));
            return publish ? Ok(await offerings.PublishAsync(partnership, created.Id, created.Version)).Id : created.Id;
        }

        return (
            await Offer(antwerp.Id, green.Id, Service("=HYPERLINK(\"http://x.test\")", "groenonderhoud", "77310000-6", Antwerpen, consent: true), publish: true),
            await Offer(wetteren.Id, cycles.Id, Service("Fietsherstel voor bedrijven", "fietsen", "34430000-0", Wetteren, consent: false), publish: true),
            await Offer(wetteren.Id, cycles.Id, Service("Fietsverhuur, nog niet gepubliceerd", "fietsen", "34430000-0", Wetteren, consent: true), publish: false));
    }

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        return result.Value!;
    }

    private static List<int> Ids(CliOutcome outcome)
    {
        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        return Run.Csv(outcome.Stdout, out _).Select(r => int.Parse(r["id"], CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The CLI on the test database with its clock (the services' confirmation dates are "today" there).</summary>
    private static Task<CliOutcome> Cli(TestDatabase database, params string[] args) =>
        Run.CliWith(database.Time, _ => null, [.. args, "--database", database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql", "--connection", database.ConnectionString]);
}
