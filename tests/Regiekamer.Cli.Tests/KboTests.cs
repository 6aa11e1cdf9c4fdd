using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Cli.Tests;

/// <summary>Issue 10, point 2: <c>kbo import PATH</c> and <c>kbo show NUMBER</c>; exit 0 with a summary, 1 naming the file and line.</summary>
public sealed class KboTests
{
    private static readonly string Schakel = KboExtractBuilder.Number(2_070_000);
    private static readonly string Other = KboExtractBuilder.Number(5_550_001);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ThenShow_AndADamagedFileExitsOneNamingFileAndLine_KeepingTheExtractInForce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var files = new TempFolder();
        var zip = new KboExtractBuilder(140).WithCodes().Company(Schakel, "Maatwerk De Schakel").WriteZip(Path.Combine(files.Path, "KboOpenData_0140_2026_11_Full.zip"));

        var imported = await Run.Cli(Args(database, "kbo", "import", zip));

        Assert.True(imported.ExitCode == 0, imported.Stderr);
        Assert.Contains("KBO-uittreksel 140 (volledig, toestand 01/11/2026) van kracht", imported.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 ondernemingen, 1 namen, 1 maatschappelijke zetels, 1 hoofdactiviteiten, 6 codes", imported.Stdout, StringComparison.Ordinal);
        Assert.Contains("enterprise.csv: 1 rijen", imported.Stderr, StringComparison.Ordinal);

        var shown = await Run.Cli(Args(database, "kbo", "show", "BE" + Schakel.Replace(".", "", StringComparison.Ordinal), "--language", "en"));
        Assert.True(shown.ExitCode == 0, shown.Stderr);
        Assert.Contains($"{Schakel}  Maatwerk De Schakel", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("Legal form: 014 Naamloze vennootschap", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("Registered office: Stationsstraat 12 bus B, 9000 Gent", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("NACE 2008: 88995 Beschutte en sociale werkplaatsen", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("Source: KBO Open Data, as of 01/11/2026", shown.Stdout, StringComparison.Ordinal);

        var folder = new KboExtractBuilder(141).WithCodes().Company(Other, "Ander").ReplaceLine("address.csv", 2, $"\"{Other}\",\"REGO\"").WriteFolder(Path.Combine(files.Path, "broken"));
        var broken = await Run.Cli(Args(database, "kbo", "import", folder, "--quiet"));

        Assert.Equal(1, broken.ExitCode);
        Assert.Equal("", broken.Stdout);
        Assert.Contains("address.csv, regel 2", broken.Stderr, StringComparison.Ordinal);
        var unknown = await Run.Cli(Args(database, "kbo", "show", Other));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("staat niet in het KBO-uittreksel", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, (await Run.Cli(Args(database, "kbo", "show", Schakel))).ExitCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Show_WrongCheckDigits_ExitsOneNamingTheRule_AndAMissingPathToo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var wrong = await Run.Cli(Args(database, "kbo", "show", "0207.000.078"));
        var missing = await Run.Cli(Args(database, "kbo", "import", "/nonexistent/kbo.zip"));

        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("97 − (de eerste acht mod 97)", wrong.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("/nonexistent/kbo.zip: bestand of map niet gevonden", missing.Stderr, StringComparison.Ordinal);
    }

    private static string[] Args(TestDatabase database, params string[] args) =>
        [.. args, "--database", database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql", "--connection", database.ConnectionString];
}
