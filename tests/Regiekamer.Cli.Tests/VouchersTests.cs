using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Vouchers;
using Regiekamer.TestCommon;
using AuditActor = Regiekamer.Core.Accounts.Actor;

namespace Regiekamer.Cli.Tests;

/// <summary>
/// Issue 10, point 6: <c>vouchers export</c> gives a scheme's vouchers as the desk's export has them (the same
/// <see cref="VoucherExport"/>), optionally of one status, formulas neutralised, XLSX to a file; a scheme is found only
/// within its own partnership.
/// </summary>
public sealed class VouchersTests
{
    private static readonly string[] Header =
        ["id", "ondernemingsnummer", "bedrijf", "aanbieder", "dienst", "status", "bedrag", "aangevraagd_op", "beslist_op", "te_gebruiken_tot", "factuurnummer", "factuurdatum", "factuurbedrag", "betaald_op", "betaalreferentie", "bevindingen"];

    private static VoucherSchemeInput Scheme(int provider) =>
        new("Kennismakingscheque Haspengouw", "fixed", "500,00", null, 6, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), "10000,00", 30, [provider]);

    private static string Kbo(int body) => $"0{body:D7}{97 - (body % 97):D2}";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_GivesTheSchemesVouchers_ByStatus_Neutralised_XlsxReadsBack_AndOnlyInItsOwnPartnership(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var own = (await database.Services.CreatePartnershipAsync(b => b.Interlocal("Tongeren", "Tongeren", "Bilzen").Named("Haspengouw"))).Id;
        var other = (await database.Services.CreatePartnershipAsync(b => b.CentralCity("Gent").Named("Gent"))).Id;
        int schemeId, otherSchemeId, formula, approved;
        await using (var scope = database.NewScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = new AuditActor(Guid.NewGuid(), "regisseur@haspengouw.test", "Regisseur");
            var actors = scope.ServiceProvider.GetRequiredService<ActorService>();
            var vouchers = scope.ServiceProvider.GetRequiredService<VoucherService>();
            var maatwerk = Ok(await actors.CreateAsync(own, new ActorInput("Maatwerkbedrijf Haspengouw", null, "maatwerkbedrijf")));
            var lde = Ok(await actors.CreateAsync(other, new ActorInput("LDE Gent", null, "lde")));
            var scheme = Ok(await vouchers.CreateSchemeAsync(own, Scheme(maatwerk.Id)));
            schemeId = Ok(await vouchers.OpenSchemeAsync(scheme.Id, scheme.Version)).Id;
            otherSchemeId = Ok(await vouchers.CreateSchemeAsync(other, Scheme(lde.Id))).Id;

            var a = Ok(await vouchers.ApplyAsync(schemeId, new VoucherApplicationInput(Kbo(5_000_001), "=cmd|' /C calc'!A0", "Markt 1, 3700 Tongeren", "An Peeters", "an@a.test", null, maatwerk.Id, "Groenonderhoud", true), "192.0.2.1"));
            formula = Ok(await vouchers.ConfirmAsync(a.ConfirmationToken)).Id;
            var b = Ok(await vouchers.ApplyAsync(schemeId, new VoucherApplicationInput(Kbo(5_000_002), "Bakkerij B", "Markt 2, 3700 Tongeren", "Jan Peeters", "jan@b.test", null, maatwerk.Id, "Catering", true), "192.0.2.2"));
            var confirmed = Ok(await vouchers.ConfirmAsync(b.ConfirmationToken));
            approved = Ok(await vouchers.DecideAsync(confirmed.Id, new VoucherDecisionInput(true, null, confirmed.Version))).Voucher.Id;
        }

        var p = own.ToString(CultureInfo.InvariantCulture);
        var s = schemeId.ToString(CultureInfo.InvariantCulture);
        var all = await Cli(database, "vouchers", "export", "--partnership", p, "--scheme", s);
        Assert.True(all.ExitCode == 0, all.Stderr);
        var rows = Run.Csv(all.Stdout, out var header);
        Assert.Equal(Header, header);
        Assert.Equal([formula, approved], rows.Select(r => int.Parse(r["id"], CultureInfo.InvariantCulture)));
        var first = rows[0];
        Assert.Equal(("'=cmd|' /C calc'!A0", "applied", "0.00", "Maatwerkbedrijf Haspengouw", Kbo(5_000_001)), (first["bedrijf"], first["status"], first["bedrag"], first["aanbieder"], first["ondernemingsnummer"]));
        Assert.Equal(("Bakkerij B", "approved", "500.00", new BrusselsClock(database.Time).Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (rows[1]["bedrijf"], rows[1]["status"], rows[1]["bedrag"], rows[1]["beslist_op"]));
        Assert.DoesNotContain("Peeters", all.Stdout, StringComparison.Ordinal); // no contact persons

        var onlyApproved = Run.Csv((await Cli(database, "vouchers", "export", "--partnership", p, "--scheme", s, "--status", "approved")).Stdout, out _);
        Assert.Equal([approved], onlyApproved.Select(r => int.Parse(r["id"], CultureInfo.InvariantCulture)));

        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "cheques.xlsx");
        var xlsx = await Cli(database, "vouchers", "export", "--partnership", p, "--scheme", s, "--format", "xlsx", "--output", file);
        Assert.True(xlsx.ExitCode == 0, xlsx.Stderr);
        Assert.Contains("2 cheques geschreven naar", xlsx.Stdout, StringComparison.Ordinal);
        var sheet = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(Header, sheet[0].Keys);
        Assert.Equal(rows.Select(r => r["id"]), sheet.Select(r => (string)r["id"]));
        Assert.Equal(rows.Select(r => r["bedrijf"]), sheet.Select(r => (string)r["bedrijf"]));
        Assert.Equal([0m, 500m], sheet.Select(r => Convert.ToDecimal(r["bedrag"], CultureInfo.InvariantCulture)));

        // Another partnership's scheme, an unknown scheme or partnership, a bad status or format: an error naming the option, nothing written.
        var badFile = Path.Combine(folder.Path, "niet.xlsx");
        foreach (var (args, option) in new (string[] Args, string Option)[]
        {
            (["--partnership", p, "--scheme", otherSchemeId.ToString(CultureInfo.InvariantCulture), "--format", "xlsx", "--output", badFile], "--scheme"),
            (["--partnership", other.ToString(CultureInfo.InvariantCulture), "--scheme", s], "--scheme"),
            (["--partnership", p, "--scheme", "999999"], "--scheme"),
            (["--partnership", "999999", "--scheme", s], "--partnership"),
            (["--partnership", p, "--scheme", s, "--status", "betaald"], "--status"),
            (["--partnership", p, "--scheme", s, "--format", "pdf"], "--format"),
            (["--partnership", p, "--scheme", s, "--format", "xlsx"], "--output"),
        })
        {
            var outcome = await Cli(database, ["vouchers", "export", .. args]);
            Assert.True(outcome.ExitCode == 1, $"{string.Join(' ', args)}: exit {outcome.ExitCode}");
            Assert.Equal("", outcome.Stdout);
            Assert.Contains(option, outcome.Stderr, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(badFile));
        var english = await Cli(database, "vouchers", "export", "--partnership", p, "--scheme", otherSchemeId.ToString(CultureInfo.InvariantCulture), "--language", "en");
        Assert.StartsWith($"--scheme: voucher scheme {otherSchemeId} does not exist in partnership {own}.", english.Stderr, StringComparison.Ordinal);
        Assert.Equal(Regiekamer.Cli.Cli.UsageError, (await Cli(database, "vouchers", "export", "--partnership", p)).ExitCode);
    }

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        return result.Value!;
    }

    private static Task<CliOutcome> Cli(TestDatabase database, params string[] args) =>
        Run.CliWith(database.Time, _ => null, [.. args, "--database", database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql", "--connection", database.ConnectionString]);
}
