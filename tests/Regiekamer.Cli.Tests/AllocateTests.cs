using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Regiekamer.Cli.Tests;

public sealed class AllocateTests : IDisposable
{
    private const string Header = "name,kind,members,managing_municipality,status";
    private const string Columns = "partnership,working_age_population,job_seekers,equal_part,working_age_part,job_seeker_part,total";

    private static readonly string[] RealPartnerships =
    [
        Header,
        "Scheldeland,interlocal-association,Hamme;Laarne;Wetteren;Wichelen;Zele,Wetteren,existing",
        "Gent,central-city,Gent,,existing",
        "Antwerpen,central-city,11002,,existing",
        "Leuven,central-city,Leuven,,existing",
        "Maasland,interlocal-association,Kinrooi;Maaseik;Dilsen-Stokkem;Maasmechelen;Lanaken,Maasmechelen,existing",
        "Zuid-Oost Limburg,interlocal-association,Bilzen;Tongeren;Riemst;Voeren,Bilzen,existing",
        "Noorderkempen,interlocal-association,Arendonk;Baarle-Hertog;Hoogstraten;Merksplas;Ravels;Rijkevorsel,Hoogstraten,existing",
    ];

    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("3000000")]
    [InlineData("2999999.99")]
    [InlineData("1000000.07")]
    public async Task Allocation_CsvSumsExactlyToBudget_InFileOrderWithDotDecimals(string budget)
    {
        var file = _files.Lines("partnerships.csv", RealPartnerships);

        var outcome = await Run.Cli("allocate", "--partnerships", file, "--budget", budget, "--on", "2025-06-01");

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith(Columns + "\n", outcome.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\n", outcome.Stdout, StringComparison.Ordinal);
        var rows = Run.Csv(outcome.Stdout, out var header);
        Assert.Equal(Columns, string.Join(",", header));
        Assert.Equal(RealPartnerships.Skip(1).Select(l => l.Split(',')[0]), rows.Select(r => r["partnership"]));
        Assert.Equal(Run.Cents(budget.Contains('.', StringComparison.Ordinal) ? budget : budget + ".00"), rows.Sum(r => Run.Cents(r["total"])));
        foreach (var row in rows)
        {
            // Each amount parses as euros with a dot and two decimals (Run.Cents asserts the form).
            var parts = Run.Cents(row["equal_part"]) + Run.Cents(row["working_age_part"]) + Run.Cents(row["job_seeker_part"]);
            Assert.InRange(Run.Cents(row["total"]) - parts, -2, 2);
        }
    }

    [Fact]
    public async Task Allocation_ShowsTheShippedStatbelFiguresSummedOverMembers()
    {
        var file = _files.Lines("partnerships.csv", RealPartnerships);

        var outcome = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01");

        var scheldeland = Run.Csv(outcome.Stdout, out _).Single(r => r["partnership"] == "Scheldeland");
        // Statbel 15-64 on 1/1/2017: Hamme 15680, Laarne 7965, Wetteren 16147, Wichelen 7543, Zele 13459.
        Assert.Equal("60794", scheldeland["working_age_population"]);
        // The estimate: 4.5% per municipality, half to even: 706 + 358 + 727 + 339 + 606.
        Assert.Equal("2736", scheldeland["job_seekers"]);
        // 3,000,000 x 40% in 7 equal shares = 171,428.571... → 171,428.57.
        Assert.Equal("171428.57", scheldeland["equal_part"]);
    }

    [Fact]
    public async Task ShippedJobSeekerEstimate_IsNotedOnStderrWithItsMethod()
    {
        var file = _files.Lines("partnerships.csv", RealPartnerships);

        var outcome = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01");

        Assert.Contains("schatting", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("4,5%", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("--job-seekers", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FigureFiles_ReplaceTheShippedFigures_EqualFiguresGetEqualAmounts()
    {
        var partnerships = _files.Lines(
            "partnerships.csv",
            Header,
            "Noord,interlocal-association,Hamme;Laarne,Hamme,new",
            "Zuid,interlocal-association,Zele;Wetteren,Zele,new");
        // Noord 1000 + 2000 = 3000 and 100 + 50 = 150; Zuid 1500 + 1500 = 3000 and 75 + 75 = 150.
        var population = _files.Lines("bevolking.csv", "nis_code,working_age_population", "42008,1000", "42010,2000", "42028,1500", "42025,1500");
        var jobSeekers = _files.Lines("werkzoekenden.csv", "nis_code,job_seekers", "42008,100", "42010,50", "42028,75", "42025,75");

        var outcome = await Run.Cli("allocate", "--partnerships", partnerships, "--population", population, "--job-seekers", jobSeekers, "--budget", "1000.01", "--on", "2025-06-01");

        Assert.Equal(0, outcome.ExitCode);
        var rows = Run.Csv(outcome.Stdout, out _);
        Assert.All(rows, r => Assert.Equal(("3000", "150"), (r["working_age_population"], r["job_seekers"])));
        var totals = rows.Select(r => Run.Cents(r["total"])).ToList();
        Assert.Equal(100001, totals.Sum());
        Assert.InRange(Math.Abs(totals[0] - totals[1]), 0, 1);
        Assert.DoesNotContain("schatting", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FigureFiles_GiveTheTotalComputedByHand()
    {
        var partnerships = _files.Lines(
            "partnerships.csv",
            Header,
            "Noord,interlocal-association,42008;42010,42008,new",
            "Zuid,interlocal-association,42028;42025,42028,new",
            "Gent,central-city,44021,,existing");
        var population = _files.Lines("bevolking.csv", "nis_code,working_age_population", "42008,12345", "42010,6789", "42028,10001", "42025,333", "44021,99999");
        var jobSeekers = _files.Lines("werkzoekenden.csv", "nis_code,job_seekers", "42008,17", "42010,4", "42028,123", "42025,0", "44021,7001");

        var outcome = await Run.Cli("allocate", "--partnerships", partnerships, "--population", population, "--job-seekers", jobSeekers, "--budget", "2500000.03", "--weights", "45,15,40", "--on", "2025-06-01");

        Assert.Equal(0, outcome.ExitCode);
        var rows = Run.Csv(outcome.Stdout, out _);
        // Noord, exactly: budget x (45 x A/sumA + 15 x J/sumJ + 40 x 1/n) / 100, in cents.
        BigInteger budget = 250000003, a = 12345 + 6789, sumA = a + 10001 + 333 + 99999, j = 17 + 4, sumJ = j + 123 + 0 + 7001, n = 3;
        var numerator = budget * ((45 * a * sumJ * n) + (15 * j * sumA * n) + (40 * sumA * sumJ));
        var denominator = 100 * sumA * sumJ * n;
        var floor = BigInteger.Divide(numerator, denominator);
        var noord = Run.Cents(rows[0]["total"]);
        Assert.InRange(noord, (long)floor, (long)floor + 1);
        Assert.Equal(250000003, rows.Sum(r => Run.Cents(r["total"])));
        Assert.Equal(((long)a, (long)j), (long.Parse(rows[0]["working_age_population"], CultureInfo.InvariantCulture), long.Parse(rows[0]["job_seekers"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task FigureFiles_ExactCase_AllPartsAsComputedByHand()
    {
        var partnerships = _files.Lines(
            "partnerships.csv",
            Header,
            "Noord,interlocal-association,Hamme;Laarne,Hamme,new",
            "Zuid,interlocal-association,Zele;Wetteren,Zele,new");
        var population = _files.Lines("bevolking.csv", "nis_code,working_age_population", "42008,100", "42010,200", "42028,60", "42025,40");
        var jobSeekers = _files.Lines("werkzoekenden.csv", "nis_code,job_seekers", "42008,6", "42010,4", "42028,20", "42025,10");

        var outcome = await Run.Cli("allocate", "--partnerships", partnerships, "--population", population, "--job-seekers", jobSeekers, "--budget", "1000", "--on", "2025-06-01");

        // 1000 x (40% x 300/400 + 20% x 10/40 + 40% / 2) = 300 + 50 + 200 = 550; Zuid 100 + 150 + 200 = 450.
        Assert.Equal(
            Columns + "\nNoord,300,10,200.00,300.00,50.00,550.00\nZuid,100,30,200.00,100.00,150.00,450.00\n",
            outcome.Stdout);
    }

    [Fact]
    public async Task MemberMissingFromFigureFile_IsAnErrorNamingMemberPartnershipAndFile()
    {
        var partnerships = _files.Lines("partnerships.csv", Header, "Noord,interlocal-association,Hamme;Laarne,Hamme,new", "Zuid,interlocal-association,Zele;Wetteren,Zele,new");
        var population = _files.Lines("bevolking.csv", "nis_code,working_age_population", "42008,1000", "42010,2000", "42025,1500");

        var outcome = await Run.Cli("allocate", "--partnerships", partnerships, "--population", population, "--on", "2025-06-01");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains("Zele", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("42028", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("Zuid", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("bevolking.csv", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Noord", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberMissingFromJobSeekerFile_IsAnErrorToo()
    {
        var partnerships = _files.Lines("partnerships.csv", Header, "Noord,interlocal-association,Hamme;Laarne,Hamme,new", "Zuid,interlocal-association,Zele;Wetteren,Zele,new");
        var jobSeekers = _files.Lines("vdab.csv", "nis_code,job_seekers", "42008,100", "42028,75", "42025,75");

        var outcome = await Run.Cli("allocate", "--partnerships", partnerships, "--job-seekers", jobSeekers, "--on", "2025-06-01", "--language", "en");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        var error = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"{jobSeekers}: no row for Laarne (42010), a member of partnership 'Noord'; the file replaces the shipped figures and must hold every member municipality.", error);
    }

    [Fact]
    public async Task IneligiblePartnership_SharesInTheBudget_WithANoteOnStderr()
    {
        var file = _files.Lines("partnerships.csv", Header, "Gent,central-city,Gent,,existing", "Klein,interlocal-association,Laarne;Wichelen,Laarne,new");

        var outcome = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Gent", "Klein"], Run.Csv(outcome.Stdout, out _).Select(r => r["partnership"]));
        var note = Assert.Single(outcome.Stderr.Split('\n'), l => l.Contains("'Klein'", StringComparison.Ordinal));
        Assert.Contains("R2", note, StringComparison.Ordinal);
        Assert.DoesNotContain("'Gent'", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PopulationFileWithInhabitants_IsWhatR2IsJudgedOn()
    {
        var partnerships = _files.Lines("partnerships.csv", Header, "Gent,central-city,Gent,,existing", "Klein,interlocal-association,Laarne;Wetteren,Laarne,new");
        // Both in Regio Gent. Shipped (Statbel 1/1/2020): 12,361 + 26,021 inhabitants, below R2's 60,000; this file says 70,000.
        var population = _files.Lines("bevolking.csv", "nis_code,working_age_population,inhabitants", "44021,170000,260000", "42010,8000,40000", "42025,7500,30000");

        var shipped = await Run.Cli("allocate", "--partnerships", partnerships, "--eligible-only", "--on", "2025-06-01");
        var fromFile = await Run.Cli("allocate", "--partnerships", partnerships, "--population", population, "--eligible-only", "--on", "2025-06-01");

        Assert.Equal(["Gent"], Run.Csv(shipped.Stdout, out _).Select(r => r["partnership"]));
        Assert.Equal(["Gent", "Klein"], Run.Csv(fromFile.Stdout, out _).Select(r => r["partnership"]));
        Assert.Equal("15500", Run.Csv(fromFile.Stdout, out _)[1]["working_age_population"]);
        Assert.DoesNotContain("'Klein'", fromFile.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EligibleOnly_LeavesOutIneligiblePartnerships_AndTheRestShareTheWholeBudget()
    {
        var file = _files.Lines("partnerships.csv", Header, "Gent,central-city,Gent,,existing", "Klein,interlocal-association,Laarne;Wichelen,Laarne,new", "Leuven,central-city,Leuven,,existing");

        var outcome = await Run.Cli("allocate", "--partnerships", file, "--eligible-only", "--on", "2025-06-01");

        Assert.Equal(0, outcome.ExitCode);
        var rows = Run.Csv(outcome.Stdout, out _);
        Assert.Equal(["Gent", "Leuven"], rows.Select(r => r["partnership"]));
        Assert.Equal(300000000, rows.Sum(r => Run.Cents(r["total"])));
        Assert.Contains("'Klein'", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_CarriesBudgetWeightsSourcesAndTheSameLinesAsCsv()
    {
        var file = _files.Lines("partnerships.csv", RealPartnerships);
        var jobSeekers = _files.Lines("vdab.csv", ["nis_code,job_seekers", .. AllMembersOf(RealPartnerships).Select((c, i) => $"{c},{100 + i}")]);

        var csv = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01", "--budget", "2999999.99", "--weights", "40,20,40");
        var shipped = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01", "--budget", "2999999.99", "--weights", "40,20,40", "--format", "json");
        var withFile = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01", "--job-seekers", jobSeekers, "--format", "json");

        Assert.Equal(0, shipped.ExitCode);
        using var json = JsonDocument.Parse(shipped.Stdout);
        var root = json.RootElement;
        Assert.Equal("2999999.99", root.GetProperty("budget").GetString());
        Assert.Equal((40, 20, 40), (root.GetProperty("weights").GetProperty("working_age").GetInt32(), root.GetProperty("weights").GetProperty("job_seekers").GetInt32(), root.GetProperty("weights").GetProperty("equal").GetInt32()));
        Assert.True(root.GetProperty("estimate").GetBoolean());
        var sources = root.GetProperty("sources");
        Assert.Equal("2017-01-01", sources.GetProperty("working_age_population").GetProperty("reference_date").GetString());
        Assert.Equal("Statbel", sources.GetProperty("working_age_population").GetProperty("source").GetString());
        Assert.True(sources.GetProperty("job_seekers").GetProperty("estimate").GetBoolean());
        Assert.Contains("4,5%", sources.GetProperty("job_seekers").GetProperty("estimate_method").GetString(), StringComparison.Ordinal);

        var csvRows = Run.Csv(csv.Stdout, out var header);
        var lines = root.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(csvRows.Count, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(header, lines[i].EnumerateObject().Select(p => p.Name));
            Assert.All(header, h => Assert.Equal(csvRows[i][h], lines[i].GetProperty(h).ValueKind == JsonValueKind.Number ? lines[i].GetProperty(h).GetRawText() : lines[i].GetProperty(h).GetString()));
        }

        using var fromFile = JsonDocument.Parse(withFile.Stdout);
        Assert.False(fromFile.RootElement.GetProperty("estimate").GetBoolean());
        var js = fromFile.RootElement.GetProperty("sources").GetProperty("job_seekers");
        Assert.Equal("vdab.csv", js.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, js.GetProperty("reference_date").ValueKind);
        Assert.False(js.GetProperty("estimate").GetBoolean());
    }

    [Fact]
    public async Task Weights_ZeroForACriterion_DropItsPart()
    {
        var file = _files.Lines("partnerships.csv", RealPartnerships);

        var outcome = await Run.Cli("allocate", "--partnerships", file, "--weights", "0,0,1", "--budget", "700", "--on", "2025-06-01");

        Assert.Equal(0, outcome.ExitCode);
        // Seven partnerships, equal shares only: 700 / 7 = 100 each.
        Assert.All(Run.Csv(outcome.Stdout, out _), r => Assert.Equal(("100.00", "0.00", "0.00", "100.00"), (r["equal_part"], r["working_age_part"], r["job_seeker_part"], r["total"])));
    }

    private static IEnumerable<string> AllMembersOf(string[] lines)
    {
        // The members of the real partnerships above as NIS codes (Statbel REFNIS).
        var codes = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["Scheldeland"] = ["42008", "42010", "42025", "42026", "42028"],
            ["Gent"] = ["44021"],
            ["Antwerpen"] = ["11002"],
            ["Leuven"] = ["24062"],
            ["Maasland"] = ["72018", "72021", "72041", "73107", "73042"],
            ["Zuid-Oost Limburg"] = ["73006", "73083", "73066", "73109"],
            ["Noorderkempen"] = ["13001", "13002", "13014", "13023", "13035", "13037"],
        };
        return lines.Skip(1).SelectMany(l => codes[l.Split(',')[0]]);
    }
}
