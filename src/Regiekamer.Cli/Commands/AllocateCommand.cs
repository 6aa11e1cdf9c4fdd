using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Imports;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer allocate</c>: R13 over the partnerships of a file, taken as the approved beneficiaries, on the
/// shipped figures or on figures from files.
/// </summary>
internal static class AllocateCommand
{
    public static readonly IReadOnlyList<string> Columns =
        ["partnership", "working_age_population", "job_seekers", "equal_part", "working_age_part", "job_seeker_part", "total"];

    public static Command Create(CliContext cli)
    {
        var partnerships = EligibilityCommand.PartnershipsOption();
        var budget = new Option<string>("--budget")
        {
            Description = "Jaarbudget in euro, punt als decimaalteken, hoogstens 2 decimalen (oproep 2023-2025: 3000000).",
            HelpName = "EUROS",
            DefaultValueFactory = _ => "3000000",
        };
        var weights = new Option<string>("--weights")
        {
            Description = "R13-gewichten: beroepsactieven,werkzoekenden,gelijke delen.",
            HelpName = "A,J,E",
            DefaultValueFactory = _ => AllocationWeights.Default.ToString(),
        };
        var population = new Option<string?>("--population")
        {
            Description = "CSV nis_code,working_age_population[,inhabitants]: vervangt de meegeleverde cijfers.",
            HelpName = "FILE",
        };
        var jobSeekers = new Option<string?>("--job-seekers")
        {
            Description = "CSV nis_code,job_seekers: vervangt de meegeleverde VDAB-cijfers (en --job-seekers-series/--job-seekers-year).",
            HelpName = "FILE",
        };
        var jobSeekerSeries = new Option<string?>("--job-seekers-series")
        {
            Description = $"Welke meegeleverde VDAB-reeks werkzoekenden: year-average (jaargemiddelde) of 31dec (toestand op 31/12). Standaard die van de oproep 2023-2025: {FigureSeriesNames.Code(OpenCall2023.JobSeekerSeries)}.",
            HelpName = "year-average|31dec",
        }.AcceptOnlyFromAmong(FigureSeriesNames.YearAverageCode, FigureSeriesNames.December31Code);
        var jobSeekerYear = new Option<string?>("--job-seekers-year")
        {
            Description = $"Het jaar van de meegeleverde VDAB-cijfers ({ShippedReferenceData.FirstJobSeekerYear}-{ShippedReferenceData.LastJobSeekerYear}; 31dec vanaf 2015). Standaard dat van de oproep 2023-2025: {OpenCall2023.JobSeekerYear}.",
            HelpName = "YYYY",
        };
        var format = new Option<string>("--format")
        {
            Description = "Uitvoer: csv of json.",
            HelpName = "csv|json",
            DefaultValueFactory = _ => "csv",
        }.AcceptOnlyFromAmong("csv", "json");
        var eligibleOnly = new Option<bool>("--eligible-only")
        {
            Description = "Laat regieverbanden weg die volgens R1-R6 niet subsidiabel zijn (standaard delen alle regieverbanden uit het bestand mee).",
        };
        var on = EligibilityCommand.OnOption();

        var command = new Command("allocate", "Verdeelt het budget over de regieverbanden uit een bestand volgens R13 (zonder databank).")
        {
            partnerships, budget, weights, population, jobSeekers, jobSeekerSeries, jobSeekerYear, format, eligibleOnly, on,
        };
        command.SetAction(parse => Run(cli, cli.Culture(parse), new Request(
            parse.GetValue(partnerships)!,
            parse.GetValue(budget)!,
            parse.GetValue(weights)!,
            parse.GetValue(population),
            parse.GetValue(jobSeekers),
            parse.GetValue(jobSeekerSeries),
            parse.GetValue(jobSeekerYear),
            parse.GetValue(format)!,
            parse.GetValue(eligibleOnly),
            parse.GetValue(on))));
        return command;
    }

    private sealed record Request(string Partnerships, string Budget, string Weights, string? Population, string? JobSeekers, string? JobSeekerSeries, string? JobSeekerYear, string Format, bool EligibleOnly, string? On);

    /// <summary>Where one kind of figures comes from: the shipped dataset, or a file given on the command line (then <see cref="File"/> and <see cref="Figures"/> are set).</summary>
    private sealed record FigureSource(ReferenceDataset Dataset, string? File = null, IReadOnlyList<MunicipalityFigure>? Figures = null)
    {
        public (ReferenceDataset, IEnumerable<MunicipalityFigure>)? Replacement => Figures is null ? null : (Dataset, Figures);
    }

    private static int Run(CliContext cli, CultureInfo culture, Request request)
    {
        var errors = new List<DomainError>();
        var budget = Inputs.Budget("--budget", request.Budget, errors);
        var weights = Inputs.Weights("--weights", request.Weights, errors);
        var on = request.On is null ? cli.Today : Inputs.Date("--on", request.On, errors);
        var (series, year) = ShippedJobSeekers(request, errors);
        var shipped = ReferenceSnapshot.FromShipped(jobSeekerSeries: series, jobSeekerYear: year);
        var partnerships = Inputs.Partnerships(request.Partnerships, shipped, errors);
        var population = request.Population is { } p ? Inputs.Figures(p, FigureFileKind.Population, shipped, errors) : null;
        var jobSeekerFile = request.JobSeekers is { } j ? Inputs.Figures(j, FigureFileKind.JobSeekers, shipped, errors) : null;
        if (errors.Count == 0)
        {
            MissingMembers(partnerships!, population, request.Population, DatasetKind.WorkingAgePopulation, shipped, errors);
            MissingMembers(partnerships!, jobSeekerFile, request.JobSeekers, DatasetKind.JobSeekers, shipped, errors);
        }

        if (errors.Count > 0)
        {
            return cli.Fail(errors, culture);
        }

        var inhabitants = Source(population, request.Population, DatasetKind.Inhabitants, shipped.InhabitantsDataset);
        var workingAge = Source(population, request.Population, DatasetKind.WorkingAgePopulation, shipped.WorkingAgeDataset);
        var jobSeekers = Source(jobSeekerFile, request.JobSeekers, DatasetKind.JobSeekers, shipped.JobSeekersDataset);
        var snapshot = shipped.WithFigures(inhabitants.Replacement, workingAge.Replacement, jobSeekers.Replacement);

        var facts = partnerships!.Select(x => x.ToFacts()).ToList();
        var citation = inhabitants.File is { } inhabitantsFile ? new Bilingual(inhabitantsFile, inhabitantsFile) : snapshot.InhabitantsDataset.Citation;
        var eligibility = EligibilityRules.Evaluate(facts, new EligibilityContext(on!.Value, snapshot.Facts, citation));
        var beneficiaries = request.EligibleOnly ? facts.Where((_, i) => eligibility[i].Eligible).ToList() : facts;
        if (beneficiaries.Count == 0)
        {
            return cli.Fail(
                [DomainError.Rule(Rules.R13, $"{request.Partnerships}: geen enkel regieverband is subsidiabel op {Formats.ShortDate(on.Value)}; er valt niets te verdelen.", $"{request.Partnerships}: no partnership is eligible on {Formats.ShortDate(on.Value)}; there is nothing to allocate.")],
                culture);
        }

        var inputs = AllocationInputs.From(beneficiaries, snapshot);
        if (!inputs.IsSuccess)
        {
            return cli.Fail(inputs.Errors, culture);
        }

        var lines = AllocationCalculator.Allocate(inputs.Value!, budget!.Value, weights!.Value);
        if (!lines.IsSuccess)
        {
            return cli.Fail(lines.Errors, culture);
        }

        var usesEstimates = AllocationService.UsesEstimates(snapshot, weights!.Value, lines.Value!);
        if (jobSeekers.File is null)
        {
            var d = jobSeekers.Dataset;
            cli.Note(new Bilingual(
                $"werkzoekenden: {d.Title} ({d.Source}; cijfers op de gemeenten van 2025, omgezet naar die van 2019-2024){(request.JobSeekerSeries is null && request.JobSeekerYear is null ? ", de keuze van de oproep 2023-2025" : "")}; andere: --job-seekers-series, --job-seekers-year of --job-seekers BESTAND.",
                $"job seekers: {d.Title} ({d.Source}; figures on the 2025 municipalities, moved onto those of 2019-2024){(request.JobSeekerSeries is null && request.JobSeekerYear is null ? ", the 2023-2025 call's choice" : "")}; others: --job-seekers-series, --job-seekers-year or --job-seekers FILE."), culture);
        }
        else if (request.JobSeekerSeries is not null || request.JobSeekerYear is not null)
        {
            cli.Note(new Bilingual(
                $"--job-seekers-series en --job-seekers-year gelden niet: {jobSeekers.File} vervangt de meegeleverde cijfers.",
                $"--job-seekers-series and --job-seekers-year do not apply: {jobSeekers.File} replaces the shipped figures."), culture);
        }

        var estimated = lines.Value!.Where(l => l.JobSeekersEstimated).ToList();
        if (estimated.Count > 0 && weights.Value.JobSeekers > 0)
        {
            cli.Note(new Bilingual(
                $"de aantallen werkzoekenden zijn (deels) een schatting voor {Estimated(estimated, e => e.Nl)}. {snapshot.JobSeekersMethod?.Nl} Geef --job-seekers BESTAND met officiële cijfers op de gemeenten van 2019-2024 om de schatting te vervangen.",
                $"the job-seeker figures are (partly) an estimate for {Estimated(estimated, e => e.En)}. {snapshot.JobSeekersMethod?.En} Pass --job-seekers FILE with official figures on the 2019-2024 municipalities to replace the estimate."), culture);
        }

        foreach (var result in eligibility.Where(r => !r.Eligible))
        {
            var rules = string.Join(", ", result.Findings.Where(f => f.Severity == Severity.Violation).Select(f => f.Rule).Distinct());
            var date = Formats.ShortDate(on.Value);
            cli.Note(
                request.EligibleOnly
                    ? new Bilingual($"'{result.Partnership}' is weggelaten: niet subsidiabel op {date} ({rules}).", $"'{result.Partnership}' is left out: not eligible on {date} ({rules}).")
                    : new Bilingual(
                        $"'{result.Partnership}' is volgens de regels niet subsidiabel op {date} ({rules}), maar deelt als goedgekeurde begunstigde mee in het budget. Gebruik --eligible-only om het weg te laten; 'regiekamer eligibility' toont waarom.",
                        $"'{result.Partnership}' is not eligible under the rules on {date} ({rules}), but shares in the budget as an approved beneficiary. Use --eligible-only to leave it out; 'regiekamer eligibility' shows why."),
                culture);
        }

        cli.Output(request.Format == "json"
            ? Json(lines.Value!, budget!.Value, weights.Value, usesEstimates, workingAge, jobSeekers, snapshot, culture)
            : Output.Csv(Columns, lines.Value!.Select(Row)));
        return Cli.Success;
    }

    /// <summary>A figures file replaces the shipped figures entirely, so it must hold every member of every partnership.</summary>
    private static void MissingMembers(IReadOnlyList<ValidPartnership> partnerships, FigureFile? file, string? path, DatasetKind kind, ReferenceSnapshot snapshot, List<DomainError> errors)
    {
        if (file is null || path is null || !file.Figures.TryGetValue(kind, out var figures))
        {
            return;
        }

        var present = figures.Select(f => f.NisCode).ToHashSet();
        foreach (var partnership in partnerships)
        {
            foreach (var code in partnership.Members.Where(c => !present.Contains(c)))
            {
                var name = snapshot.Find(code)?.Name;
                errors.Add(DomainError.Rule(
                    Rules.R13,
                    $"{path}: geen rij voor {name} ({code}), lid van regieverband '{partnership.Name}'; het bestand vervangt de meegeleverde cijfers en moet elke lidgemeente bevatten.",
                    $"{path}: no row for {name} ({code}), a member of partnership '{partnership.Name}'; the file replaces the shipped figures and must hold every member municipality.",
                    "nis_code"));
            }
        }
    }

    private static FigureSource Source(FigureFile? file, string? path, DatasetKind kind, ReferenceDataset shipped) =>
        file is not null && path is not null && file.Figures.TryGetValue(kind, out var figures)
            ? new FigureSource(FileDataset(kind, path, figures.Count), path, figures)
            : new FigureSource(shipped);

    private static ReferenceDataset FileDataset(DatasetKind kind, string path, int rows) => new()
    {
        Kind = kind,
        MunicipalitySet = MunicipalitySet.Set2019,
        Title = path,
        Source = Path.GetFileName(path),
        Provenance = $"File {path} given on the command line.",
        IsEstimate = false,
        RowCount = rows,
    };

    private static IReadOnlyList<string> Row(AllocationLineResult line) =>
    [
        line.Name,
        line.WorkingAgePopulation.ToString(CultureInfo.InvariantCulture),
        line.JobSeekers.ToString(CultureInfo.InvariantCulture),
        line.EqualPart.ToInvariantString(),
        line.WorkingAgePart.ToInvariantString(),
        line.JobSeekerPart.ToInvariantString(),
        line.Total.ToInvariantString(),
    ];

    private static string Json(IReadOnlyList<AllocationLineResult> lines, Money budget, AllocationWeights weights, bool usesEstimates, FigureSource workingAge, FigureSource jobSeekers, ReferenceSnapshot snapshot, CultureInfo culture) => Output.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("budget", budget.ToInvariantString());
        w.WriteStartObject("weights");
        w.WriteNumber("working_age", weights.WorkingAge);
        w.WriteNumber("job_seekers", weights.JobSeekers);
        w.WriteNumber("equal", weights.Equal);
        w.WriteEndObject();
        w.WriteBoolean("estimate", usesEstimates);
        w.WriteStartObject("sources");
        Source(w, "working_age_population", workingAge, null, [], culture);
        Source(w, "job_seekers", jobSeekers, snapshot.JobSeekersMethod, lines.Where(l => l.JobSeekersEstimated).ToList(), culture);
        w.WriteEndObject();
        w.WriteStartArray("lines");
        foreach (var line in lines)
        {
            var row = Row(line);
            w.WriteStartObject();
            w.WriteString(Columns[0], line.Name);
            w.WriteNumber(Columns[1], line.WorkingAgePopulation);
            w.WriteNumber(Columns[2], line.JobSeekers);
            for (var i = 3; i < Columns.Count; i++)
            {
                w.WriteString(Columns[i], row[i]);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <param name="method">How the figures were derived when they are not the dataset's own (the split of VDAB's 2025 figures).</param>
    /// <param name="estimated">The lines whose figure is (partly) an estimate.</param>
    private static void Source(Utf8JsonWriter w, string name, FigureSource source, Bilingual? method, List<AllocationLineResult> estimated, CultureInfo culture)
    {
        var d = source.Dataset;
        w.WriteStartObject(name);
        w.WriteString("title", d.Title);
        w.WriteString("source", d.Source);
        if (source.File is null)
        {
            w.WriteString("reference_date", d.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (d.Series is { } series)
            {
                w.WriteString("series", FigureSeriesNames.Code(series));
                w.WriteNumber("year", d.Year!.Value);
                w.WriteString("municipality_set", d.MunicipalitySet == MunicipalitySet.Set2025 ? "2025" : "2019");
            }
        }
        else
        {
            w.WriteNull("reference_date");
            w.WriteString("file", source.File);
        }

        var estimate = d.IsEstimate || estimated.Count > 0;
        w.WriteBoolean("estimate", estimate);
        if (estimate)
        {
            w.WriteString("estimate_method", (d.IsEstimate ? ShippedReferenceData.JobSeekerEstimateMethod : method ?? ShippedReferenceData.JobSeekerSplitMethod).For(culture));
            w.WriteStartArray("estimated");
            foreach (var line in estimated)
            {
                w.WriteStartObject();
                w.WriteString("partnership", line.Name);
                w.WriteStartArray("municipalities");
                foreach (var e in line.JobSeekerEstimates!)
                {
                    w.WriteStartObject();
                    w.WriteString("nis_code", e.NisCode.Value);
                    w.WriteString("name", e.Name);
                    w.WriteString("reason", e.Reason switch { EstimateReason.MergerShare => "merger-share", EstimateReason.Suppressed => "suppressed", _ => "estimated-dataset" });
                    w.WriteString("description", e.Describe().For(culture));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>"'Antwerpen' (Antwerpen (11002): deel van …), 'Zuid-Oost Limburg' (…)".</summary>
    private static string Estimated(IEnumerable<AllocationLineResult> lines, Func<Bilingual, string> language) =>
        string.Join(", ", lines.Select(l => $"'{l.Name}' ({string.Join("; ", l.JobSeekerEstimates!.Select(e => language(e.Describe())))})"));

    /// <summary>The shipped VDAB series and year: --job-seekers-series and --job-seekers-year, else the 2023-2025 call's.</summary>
    private static (FigureSeries Series, int Year) ShippedJobSeekers(Request request, List<DomainError> errors)
    {
        var series = OpenCall2023.JobSeekerSeries;
        if (request.JobSeekerSeries is { } s && !FigureSeriesNames.TryParse(s, out series))
        {
            series = OpenCall2023.JobSeekerSeries; // the parser allows only the two names
        }

        var year = OpenCall2023.JobSeekerYear;
        if (request.JobSeekerYear is { } text)
        {
            var years = ShippedReferenceData.Current.Datasets.Where(d => d.Kind == DatasetKind.JobSeekers && d.Series == series).Select(d => d.Year!.Value).Order().ToList();
            if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) || !years.Contains(year))
            {
                var range = $"{years[0]}-{years[^1]}";
                var label = FigureSeriesNames.Code(series);
                errors.Add(DomainError.Invalid(
                    "validation",
                    $"--job-seekers-year: '{text}' is geen jaar van de meegeleverde VDAB-cijfers ({label}); kies {range}.",
                    $"--job-seekers-year: '{text}' is not a year of the shipped VDAB figures ({label}); choose {range}.",
                    "--job-seekers-year"));
                year = OpenCall2023.JobSeekerYear;
            }
        }

        return (series, year);
    }
}
