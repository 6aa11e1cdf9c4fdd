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
        // VDAB year average 2022 (the 2023-2025 call's choice); none of the five merged in 2025: 591 + 209 + 661 + 240 + 531.
        Assert.Equal("2232", scheldeland["job_seekers"]);
        // 3,000,000 x 40% in 7 equal shares = 171,428.571... → 171,428.57.
        Assert.Equal("171428.57", scheldeland["equal_part"]);
    }

    /// <summary>
    /// The shipped VDAB figures are on the 2025 municipalities: Antwerpen without Borsbeek and Bilzen and Tongeren
    /// without their 2025 partners get a share, an estimate, which a note names with its method.
    /// </summary>
    [Fact]
    public async Task ShippedJobSeekerEstimate_IsNotedOnStderrWithItsMethod()
    {
        var file = _files.Lines("partnerships.csv", RealPartnerships);

        var outcome = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01");

        var note = Assert.Single(outcome.Stderr.Split('\n'), l => l.Contains("schatting", StringComparison.Ordinal));
        Assert.Contains("'Antwerpen' (Antwerpen (11002): deel van Antwerpen (11002, fusie 2025)", note, StringComparison.Ordinal);
        Assert.Contains("'Zuid-Oost Limburg' (Bilzen (73006): deel van Bilzen-Hoeselt (73110, fusie 2025)", note, StringComparison.Ordinal);
        Assert.Contains("Tongeren (73083)", note, StringComparison.Ordinal);
        Assert.DoesNotContain("'Gent'", note, StringComparison.Ordinal);
        Assert.Contains("grootste resten", note, StringComparison.Ordinal); // the method
        Assert.Contains("--job-seekers", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShippedJobSeekers_Default_AreTheCallsChoice_NamedOnStderr()
    {
        var file = _files.Lines("partnerships.csv", Header, "Gent,central-city,Gent,,existing", "Leuven,central-city,Leuven,,existing");

        var outcome = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01", "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Let op: werkzoekenden: Werkzoekenden zonder werk (WZW), jaargemiddelde 2022 (VDAB, via Provincies in Cijfers (export 21/05/2026)", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("de keuze van de oproep 2023-2025", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("schatting", outcome.Stderr, StringComparison.Ordinal); // neither merged: VDAB's own figures
        using var json = JsonDocument.Parse(outcome.Stdout);
        var js = json.RootElement.GetProperty("sources").GetProperty("job_seekers");
        Assert.Equal(("year-average", 2022, "2022-12-31", "2025", false), (js.GetProperty("series").GetString(), js.GetProperty("year").GetInt32(), js.GetProperty("reference_date").GetString(), js.GetProperty("municipality_set").GetString(), js.GetProperty("estimate").GetBoolean()));
        Assert.False(json.RootElement.GetProperty("estimate").GetBoolean());
        // flanders_job_seekers_wzw_2014-2024_285.csv, wzw_year_average_2022: Gent 11689, Leuven 3263.
        Assert.Equal([11689, 3263], json.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("job_seekers").GetInt32()));
    }

    [Fact]
    public async Task JobSeekerSeriesAndYear_ChooseAmongTheShippedFigures()
    {
        var file = _files.Lines("partnerships.csv", Header, "Gent,central-city,Gent,,existing", "Leuven,central-city,Leuven,,existing");

        var december = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01", "--job-seekers-series", "31dec", "--job-seekers-year", "2023", "--format", "json", "--language", "en");
        var average2024 = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01", "--job-seekers-year", "2024");

        Assert.Equal(0, december.ExitCode);
        using var json = JsonDocument.Parse(december.Stdout);
        var js = json.RootElement.GetProperty("sources").GetProperty("job_seekers");
        Assert.Equal(("31dec", 2023, "2023-12-31", "Werkzoekenden zonder werk (WZW) op 31/12/2023"), (js.GetProperty("series").GetString(), js.GetProperty("year").GetInt32(), js.GetProperty("reference_date").GetString(), js.GetProperty("title").GetString()));
        // wzw_31dec_register_2023: Gent 11391, Leuven 3121; wzw_year_average_2024: Gent 14576, Leuven 3983.
        Assert.Equal([11391, 3121], json.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("job_seekers").GetInt32()));
        Assert.Contains("Note: job seekers: Werkzoekenden zonder werk (WZW) op 31/12/2023", december.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("the 2023-2025 call's choice", december.Stderr, StringComparison.Ordinal);
        Assert.Equal(["14576", "3983"], Run.Csv(average2024.Stdout, out _).Select(r => r["job_seekers"]));
    }

    [Theory]
    [InlineData("31dec", "2014")] // the 31 December column of 2014 is empty
    [InlineData("year-average", "2025")]
    [InlineData("year-average", "twintig")]
    public async Task JobSeekerYear_WithoutShippedFigures_IsBadInputNamingTheYears(string series, string year)
    {
        var file = _files.Lines("partnerships.csv", Header, "Gent,central-city,Gent,,existing");

        var outcome = await Run.Cli("allocate", "--partnerships", file, "--job-seekers-series", series, "--job-seekers-year", year, "--language", "en");

        Assert.Equal((1, ""), (outcome.ExitCode, outcome.Stdout));
        var error = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"--job-seekers-year: '{year}' is not a year of the shipped VDAB figures ({series}); choose {(series == "31dec" ? "2015" : "2014")}-2024.", error);
    }

    [Fact]
    public async Task JobSeekerSeries_Unknown_IsAUsageError()
    {
        var file = _files.Lines("partnerships.csv", Header, "Gent,central-city,Gent,,existing");

        var outcome = await Run.Cli("allocate", "--partnerships", file, "--job-seekers-series", "monthly");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("monthly", outcome.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Antwerpen and Borsbeek together hold their 2025 figure (29,207 in 2022) exactly: no estimate.</summary>
    [Fact]
    public async Task WholeMerger_IsNoEstimate_PartOfOneIs()
    {
        var file = _files.Lines("partnerships.csv", Header, "Antwerpen,interlocal-association,Antwerpen;Borsbeek,Antwerpen,existing", "Gent,central-city,Gent,,existing");
        var alone = _files.Lines("alone.csv", Header, "Antwerpen,central-city,Antwerpen,,existing", "Gent,central-city,Gent,,existing");

        var whole = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01", "--format", "json");
        var part = await Run.Cli("allocate", "--partnerships", alone, "--on", "2025-06-01", "--format", "json");

        using var wholeJson = JsonDocument.Parse(whole.Stdout);
        Assert.False(wholeJson.RootElement.GetProperty("estimate").GetBoolean());
        Assert.Equal(29207, wholeJson.RootElement.GetProperty("lines")[0].GetProperty("job_seekers").GetInt32());
        Assert.DoesNotContain("schatting", whole.Stderr, StringComparison.Ordinal);

        using var partJson = JsonDocument.Parse(part.Stdout);
        Assert.True(partJson.RootElement.GetProperty("estimate").GetBoolean());
        // 29,207 × 333,354 / (333,354 + 6,699) = 28,631.63 → 28,632 (Borsbeek's 575.37 → 575).
        Assert.Equal(28632, partJson.RootElement.GetProperty("lines")[0].GetProperty("job_seekers").GetInt32());
        var estimated = Assert.Single(partJson.RootElement.GetProperty("sources").GetProperty("job_seekers").GetProperty("estimated").EnumerateArray());
        Assert.Equal("Antwerpen", estimated.GetProperty("partnership").GetString());
        var municipality = Assert.Single(estimated.GetProperty("municipalities").EnumerateArray());
        Assert.Equal(("11002", "merger-share"), (municipality.GetProperty("nis_code").GetString(), municipality.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task JobSeekerFile_OverridesSeriesAndYear_WithANote()
    {
        var file = _files.Lines("partnerships.csv", Header, "Gent,central-city,Gent,,existing", "Leuven,central-city,Leuven,,existing");
        var jobSeekers = _files.Lines("vdab.csv", "nis_code,job_seekers", "44021,100", "24062,50");

        var outcome = await Run.Cli("allocate", "--partnerships", file, "--on", "2025-06-01", "--job-seekers", jobSeekers, "--job-seekers-year", "2020");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["100", "50"], Run.Csv(outcome.Stdout, out _).Select(r => r["job_seekers"]));
        Assert.Contains("--job-seekers-series en --job-seekers-year gelden niet", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Werkzoekenden zonder werk", outcome.Stderr, StringComparison.Ordinal);
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
        // VDAB's figures on the 2025 municipalities: Antwerpen and Zuid-Oost Limburg hold shares of a merger, estimates named with the split method.
        Assert.True(sources.GetProperty("job_seekers").GetProperty("estimate").GetBoolean());
        Assert.Equal(("year-average", 2022), (sources.GetProperty("job_seekers").GetProperty("series").GetString(), sources.GetProperty("job_seekers").GetProperty("year").GetInt32()));
        Assert.Contains("grootste resten", sources.GetProperty("job_seekers").GetProperty("estimate_method").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Antwerpen", "Zuid-Oost Limburg"], sources.GetProperty("job_seekers").GetProperty("estimated").EnumerateArray().Select(e => e.GetProperty("partnership").GetString()));

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
