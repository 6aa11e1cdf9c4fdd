using System.Text.Json;

namespace Regiekamer.Cli.Tests;

public sealed class EligibilityTests : IDisposable
{
    private const string Header = "name,kind,members,managing_municipality,status";

    // Seed 004: Scheldeland = Hamme, Laarne, Wetteren, Wichelen, Zele. In the reference regions of 2022, Laarne and
    // Wetteren lie in Regio Gent, the other three in Denderregio: an existing partnership across a region boundary.
    private const string Scheldeland = "Scheldeland,interlocal-association,Hamme;Laarne;Wetteren;Wichelen;Zele,Wetteren,existing";

    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Eligibility_Json_HasOneObjectPerPartnershipWithFindings()
    {
        var file = _files.Lines("partnerships.csv", Header, Scheldeland, "Gent,central-city,Gent,,existing");

        var outcome = await Run.Cli("eligibility", "--partnerships", file, "--on", "2025-06-01");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["Scheldeland", "Gent"], items.Select(i => i.GetProperty("partnership").GetString()));
        foreach (var item in items)
        {
            Assert.Equal(["partnership", "eligible", "findings"], item.EnumerateObject().Select(p => p.Name));
            foreach (var finding in item.GetProperty("findings").EnumerateArray())
            {
                Assert.Equal(["rule", "severity", "message"], finding.EnumerateObject().Select(p => p.Name));
                Assert.Matches("^(violation|warning)$", finding.GetProperty("severity").GetString());
            }
        }

        var gent = items[1];
        Assert.True(gent.GetProperty("eligible").GetBoolean());
        Assert.Empty(gent.GetProperty("findings").EnumerateArray());
        Assert.EndsWith("\n", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal("", outcome.Stderr);
    }

    /// <summary>Issue 8: every export neutralises what a spreadsheet would run as a formula; names come from the user's own file.</summary>
    [Fact]
    public async Task Eligibility_Csv_NeutralisesANameThatASpreadsheetWouldRun_AndKeepsNumbersAsNumbers()
    {
        var file = _files.Lines("partnerships.csv", Header, "\"=HYPERLINK(\"\"http://x\"\")\",central-city,Gent,,existing", "@Gent,central-city,Antwerpen,,existing");

        var outcome = await Run.Cli("eligibility", "--partnerships", file, "--on", "2025-06-01", "--format", "csv");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("'=HYPERLINK", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("'@Gent", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\n@", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExistingPartnershipAcrossRegions_IsR5WarningBefore2026_AndViolationFrom2026()
    {
        var file = _files.Lines("partnerships.csv", Header, Scheldeland);

        var before = Single(await Run.Cli("eligibility", "--partnerships", file, "--on", "2025-12-31"));
        var after = Single(await Run.Cli("eligibility", "--partnerships", file, "--on", "2026-01-01"));

        Assert.True(before.GetProperty("eligible").GetBoolean());
        Assert.Equal([("R5", "warning")], Findings(before));
        Assert.False(after.GetProperty("eligible").GetBoolean());
        Assert.Equal([("R5", "violation")], Findings(after));
        var message = after.GetProperty("findings")[0].GetProperty("message").GetString()!;
        Assert.Contains("Denderregio", message, StringComparison.Ordinal);
        Assert.Contains("Regio Gent", message, StringComparison.Ordinal);
        Assert.Contains("referentieregio", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewPartnershipAcrossRegions_IsR5ViolationAlready()
    {
        var file = _files.Lines("partnerships.csv", Header, Scheldeland.Replace(",existing", ",new", StringComparison.Ordinal));

        var result = Single(await Run.Cli("eligibility", "--partnerships", file, "--on", "2025-06-01"));

        Assert.Equal([("R5", "violation")], Findings(result));
    }

    [Fact]
    public async Task OnDefaultsToTodayFromTheClock()
    {
        var file = _files.Lines("partnerships.csv", Header, Scheldeland);

        var in2025 = Single(await Run.CliWith(FixedTime.On(2025, 12, 31), _ => null, "eligibility", "--partnerships", file));
        var in2026 = Single(await Run.CliWith(FixedTime.On(2026, 1, 1), _ => null, "eligibility", "--partnerships", file));

        Assert.Equal([("R5", "warning")], Findings(in2025));
        Assert.Equal([("R5", "violation")], Findings(in2026));
    }

    [Fact]
    public async Task SmallCooperation_IsR2Violation()
    {
        // Laarne and Wichelen together have some 25,000 inhabitants, far below 60,000.
        var file = _files.Lines("partnerships.csv", Header, "Klein,interlocal-association,Laarne;Wichelen,Laarne,new");

        var result = Single(await Run.Cli("eligibility", "--partnerships", file, "--on", "2025-06-01"));

        Assert.False(result.GetProperty("eligible").GetBoolean());
        Assert.Contains(("R2", "violation"), Findings(result));
        Assert.Contains("60.000", result.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "R2").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_MayMixNisCodesAndNames_IgnoringCaseAndAccents()
    {
        // Statbel codes: Hamme 42008, Laarne 42010, Wetteren 42025, Wichelen 42026, Zele 42028.
        var byName = _files.Lines("names.csv", Header, Scheldeland);
        var mixed = _files.Lines("mixed.csv", Header, "Scheldeland,interlocal-association,42008; LAARNE ;42025;wíchelen;42028,wetteren,existing");

        var expected = await Run.Cli("eligibility", "--partnerships", byName, "--on", "2026-03-01");
        var actual = await Run.Cli("eligibility", "--partnerships", mixed, "--on", "2026-03-01");

        Assert.Equal(0, actual.ExitCode);
        Assert.Equal(expected.Stdout, actual.Stdout);
        Assert.Contains("Laarne, Wetteren", actual.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneMunicipalityInTwoPartnerships_IsR3ViolationForBoth()
    {
        var file = _files.Lines("partnerships.csv", Header, Scheldeland, "Dender,interlocal-association,Zele;Berlare;Dendermonde,Berlare,existing");

        var outcome = await Run.Cli("eligibility", "--partnerships", file, "--on", "2025-06-01");

        using var json = JsonDocument.Parse(outcome.Stdout);
        foreach (var item in json.RootElement.EnumerateArray())
        {
            Assert.Contains(("R3", "violation"), Findings(item));
            Assert.False(item.GetProperty("eligible").GetBoolean());
        }
    }

    [Fact]
    public async Task Csv_HasOneRowPerFinding_AndOneEmptyRowForAPartnershipWithout()
    {
        var file = _files.Lines("partnerships.csv", Header, Scheldeland, "Klein,interlocal-association,Hamme;Laarne,Hamme,new", "Gent,central-city,44021,,existing");

        var outcome = await Run.Cli("eligibility", "--partnerships", file, "--on", "2026-01-01", "--format", "csv");

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("partnership,eligible,rule,severity,message\n", outcome.Stdout, StringComparison.Ordinal);
        var rows = Run.Csv(outcome.Stdout, out _);
        // Scheldeland: R3 (Hamme, Laarne also in Klein) x2 and R5; Klein: R2, R3 x2, R5 (Denderregio + Regio Gent); Gent: none.
        var scheldeland = rows.Where(r => r["partnership"] == "Scheldeland").ToList();
        Assert.Equal(["R3", "R3", "R5"], scheldeland.Select(r => r["rule"]).Order(StringComparer.Ordinal));
        Assert.All(scheldeland, r => Assert.Equal("false", r["eligible"]));
        Assert.All(scheldeland, r => Assert.Equal("violation", r["severity"]));
        var gent = Assert.Single(rows, r => r["partnership"] == "Gent");
        Assert.Equal(("true", "", "", ""), (gent["eligible"], gent["rule"], gent["severity"], gent["message"]));
        Assert.Equal(["Scheldeland", "Klein", "Gent"], rows.Select(r => r["partnership"]).Distinct());
    }

    [Fact]
    public async Task LanguageEn_GivesEnglishMessages()
    {
        var file = _files.Lines("partnerships.csv", Header, Scheldeland);

        var result = Single(await Run.Cli("eligibility", "--partnerships", file, "--on", "2025-06-01", "--language", "en"));

        var message = result.GetProperty("findings")[0].GetProperty("message").GetString()!;
        Assert.Contains("reference-region boundary", message, StringComparison.Ordinal);
        Assert.Contains("until 1/1/2026", message, StringComparison.Ordinal);
    }

    private static JsonElement Single(CliOutcome outcome)
    {
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        return Assert.Single(json.RootElement.EnumerateArray()).Clone();
    }

    private static List<(string, string)> Findings(JsonElement partnership) =>
        partnership.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("rule").GetString()!, f.GetProperty("severity").GetString()!)).ToList();
}
