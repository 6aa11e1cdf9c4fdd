using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Regiekamer.Core.Allocation;
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
            Description = "CSV nis_code,job_seekers: vervangt de meegeleverde schatting.",
            HelpName = "FILE",
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
            partnerships, budget, weights, population, jobSeekers, format, eligibleOnly, on,
        };
        command.SetAction(parse => Run(cli, cli.Culture(parse), new Request(
            parse.GetValue(partnerships)!,
            parse.GetValue(budget)!,
            parse.GetValue(weights)!,
            parse.GetValue(population),
            parse.GetValue(jobSeekers),
            parse.GetValue(format)!,
            parse.GetValue(eligibleOnly),
            parse.GetValue(on))));
        return command;
    }

    private sealed record Request(string Partnerships, string Budget, string Weights, string? Population, string? JobSeekers, string Format, bool EligibleOnly, string? On);

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
        var shipped = ReferenceSnapshot.FromShipped();
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

        if (jobSeekers.Dataset.IsEstimate)
        {
            var date = Formats.ShortDate(jobSeekers.Dataset.ReferenceDate);
            cli.Note(new Bilingual(
                $"de aantallen werkzoekenden zijn een schatting ({jobSeekers.Dataset.Source}, {date}). {ShippedReferenceData.JobSeekerEstimateMethod.Nl} Of geef --job-seekers BESTAND.",
                $"the job-seeker figures are an estimate ({jobSeekers.Dataset.Source}, {date}). {ShippedReferenceData.JobSeekerEstimateMethod.En} Or pass --job-seekers FILE."), culture);
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
            ? Json(lines.Value!, budget.Value, weights.Value, workingAge, jobSeekers, culture)
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

    private static string Json(IReadOnlyList<AllocationLineResult> lines, Money budget, AllocationWeights weights, FigureSource workingAge, FigureSource jobSeekers, CultureInfo culture) => Output.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("budget", budget.ToInvariantString());
        w.WriteStartObject("weights");
        w.WriteNumber("working_age", weights.WorkingAge);
        w.WriteNumber("job_seekers", weights.JobSeekers);
        w.WriteNumber("equal", weights.Equal);
        w.WriteEndObject();
        w.WriteBoolean("estimate", workingAge.Dataset.IsEstimate || jobSeekers.Dataset.IsEstimate);
        w.WriteStartObject("sources");
        Source(w, "working_age_population", workingAge, culture);
        Source(w, "job_seekers", jobSeekers, culture);
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

    private static void Source(Utf8JsonWriter w, string name, FigureSource source, CultureInfo culture)
    {
        var d = source.Dataset;
        w.WriteStartObject(name);
        w.WriteString("title", d.Title);
        w.WriteString("source", d.Source);
        if (source.File is null)
        {
            w.WriteString("reference_date", d.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("reference_date");
            w.WriteString("file", source.File);
        }

        w.WriteBoolean("estimate", d.IsEstimate);
        if (d.IsEstimate)
        {
            // The only estimate shipped is the job-seeker one; its method exists in both languages.
            w.WriteString("estimate_method", ShippedReferenceData.JobSeekerEstimateMethod.For(culture));
        }

        w.WriteEndObject();
    }
}
