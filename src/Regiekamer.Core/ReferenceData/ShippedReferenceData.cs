using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.ReferenceData;

/// <summary>
/// The real reference data shipped inside Regiekamer (embedded CSVs derived from ../shared/data; provenance in
/// docs/data.md). The database seeder and the CLI both read it from here.
/// </summary>
public sealed class ShippedReferenceData
{
    public const string StatbelPic = "Provincies in Cijfers / Statbel";

    private static readonly Lazy<ShippedReferenceData> Instance = new(Load);

    public static ShippedReferenceData Current => Instance.Value;

    public required IReadOnlyList<Municipality> Municipalities2019 { get; init; }

    public required IReadOnlyList<Municipality> Municipalities2025 { get; init; }

    public required IReadOnlyList<ReferenceRegion> Regions { get; init; }

    public required IReadOnlyList<ShippedDataset> Datasets { get; init; }

    public required IReadOnlyList<KnownComposition> KnownCompositions { get; init; }

    /// <summary>Statbel's population by age group on 1/1/2017 per 2019-2024 municipality (the file the working-age dataset comes from).</summary>
    public required IReadOnlyDictionary<NisCode, AgeGroupCounts> AgeGroups2017 { get; init; }

    /// <summary>How the 2017 age groups are cited.</summary>
    public const string AgeGroupsProvenance =
        "Statbel TF_SOC_POP_STRUCT_2017 summed to age groups by GitHub twallema/flepimop_influenza_BE (commit e85298f8804db06522153677df2669b4421a1298; "
        + "that repository is CC BY-NC-SA 4.0, the figures are Statbel open data). Flemish total 6,516,011.";

    /// <summary>How the job-seeker estimate of earlier versions was made (the 4.5% dataset, which still ships: stored runs refer to it).</summary>
    public static readonly Bilingual JobSeekerEstimateHow = new(
        "per gemeente 4,5% van de bevolking op beroepsactieve leeftijd (15-64 jaar, Statbel 1/1/2017), "
        + "afgerond op een geheel getal (half naar even). Er zijn hier geen publieke cijfers van niet-werkende werkzoekenden per gemeente; "
        + "4,5% is een aangenomen Vlaams gemiddelde. Omdat het percentage overal gelijk is, volgt het werkzoekendendeel zo de bevolking op "
        + "beroepsactieve leeftijd. Importeer VDAB-cijfers (Arvastat) om de schatting te vervangen.",
        "per municipality 4.5% of the working-age population (15-64, Statbel 1/1/2017), rounded to a "
        + "whole number (half to even). No public per-municipality figures of job seekers (niet-werkende werkzoekenden) are available here; "
        + "4.5% is an assumed Flemish average. Because the rate is the same everywhere, the job-seeker part then follows the working-age "
        + "population. Import VDAB figures (Arvastat) to replace the estimate.");

    /// <summary>The method of the 4.5% job-seeker estimate as the dataset records it.</summary>
    public static readonly Bilingual JobSeekerEstimateMethod = new(
        "Schatting, geen officieel cijfer: " + JobSeekerEstimateHow.Nl,
        "Estimate, not an official figure: " + JobSeekerEstimateHow.En);

    /// <summary>How the shipped VDAB figures, on the 2025 municipalities, become figures of the 2019-2024 municipalities (<see cref="JobSeekerFigures"/>).</summary>
    public static readonly Bilingual JobSeekerSplitMethod = new(
        "De VDAB-cijfers staan op de gemeenten van 2025 (285). Een gemeente die in 2025 niet fuseerde, krijgt haar cijfer exact. "
        + "Het cijfer van een fusiegemeente is verdeeld over haar gemeenten van 2019-2024 naar hun bevolking op beroepsactieve leeftijd "
        + "(15-64 jaar, Statbel 1/1/2017), in gehele getallen met de grootste resten (bij gelijke rest: NIS-code), zodat de delen exact optellen "
        + "tot het cijfer van de fusiegemeente: elk deel is een schatting; een regieverband met alle gemeenten van een fusie heeft het cijfer exact. "
        + "Een afgeschermde waarde (Herstappe, de meeste jaren) is geschat als haar bevolking op beroepsactieve leeftijd × het Vlaamse aandeel "
        + "van dat jaar, half naar even afgerond.",
        "The VDAB figures are on the 2025 municipalities (285). A municipality that did not merge in 2025 gets its figure exactly. "
        + "A merged municipality's figure is split over its 2019-2024 municipalities by their working-age population (15-64, Statbel 1/1/2017), "
        + "in whole numbers with the largest remainders (ties: NIS code), so that the parts add up exactly to the merged figure: each part is an "
        + "estimate; a partnership holding every municipality of a merger has its figure exactly. A suppressed value (Herstappe, most years) is "
        + "estimated as its working-age population × the Flemish rate of that year, rounded half to even.");

    /// <summary>How VDAB's job-seeker figures are cited.</summary>
    public const string VdabSource = "VDAB, via Provincies in Cijfers (export 21/05/2026)";

    /// <summary>The first and last year of the shipped VDAB figures.</summary>
    public const int FirstJobSeekerYear = 2014;

    public const int LastJobSeekerYear = 2024;

    /// <summary>The shipped VDAB dataset of one series and year, or null when the file has none (31 December 2014 is empty).</summary>
    public ShippedDataset? JobSeekers(FigureSeries series, int year) =>
        Datasets.SingleOrDefault(d => d.Kind == DatasetKind.JobSeekers && d.Series == series && d.Year == year);

    /// <summary>4.5%, as 45 per mille.</summary>
    public const int JobSeekerEstimatePerMille = 45;

    public static long EstimateJobSeekers(long workingAge) => AllocationRounding.DivideHalfEven(workingAge * JobSeekerEstimatePerMille, 1000);

    private static ShippedReferenceData Load()
    {
        var m300 = Read("flanders_municipalities_2019-2024_300.csv");
        var m285 = Read("flanders_municipalities_2025_285.csv");
        var regions = Read("flanders_referentieregios.csv");
        var pop2020 = Read("flanders_population_2020-01-01_total_300.csv");
        var pop2017 = Read("flanders_population_2017-01-01_agegroups_300.csv");
        var known = Read("regieverbanden_known_compositions_partial.csv");
        var vdab = Read("flanders_job_seekers_wzw_2014-2024_285.csv");

        var municipalities2019 = m300.Select(r => new Municipality
        {
            Set = MunicipalitySet.Set2019,
            NisCode = NisCode.Parse(r["nis_code"]),
            Name = r["name_nl"],
            ArrondissementNis = r["arrondissement_nis"],
            ArrondissementName = r["arrondissement_name"],
            ProvinceNis = r["province_nis"],
            ProvinceName = r["province_name"],
            IsCentralCity = r["is_centrumstad"] == "1",
            SuccessorNisCode = NisCode.Parse(r["nis_code_2025"]),
            Merged2025 = r["merged_2025"] == "1",
        }).ToList();

        var municipalities2025 = m285.Select(r => new Municipality
        {
            Set = MunicipalitySet.Set2025,
            NisCode = NisCode.Parse(r["nis_code"]),
            Name = r["name_nl"],
            ArrondissementNis = r["arrondissement_nis"],
            ArrondissementName = r["arrondissement_name"],
            ProvinceNis = r["province_nis"],
            ProvinceName = r["province_name"],
            IsCentralCity = r["is_centrumstad"] == "1",
            Merged2025 = r["merged_2025"] == "1",
        }).ToList();

        var provenance = "GitHub provinciesincijfers/gebiedsniveaus (Provincies in Cijfers), commit 3b1b6d8d3548e495f597db134f437f0d08898535, "
            + "data_voor_swing; codes Statbel REFNIS. Licence: Modellicentie Gratis Hergebruik / Statbel open data (attribution).";
        var datasets = new List<ShippedDataset>
        {
            new(DatasetKind.Municipalities, MunicipalitySet.Set2019, "Gemeenten 2019-2024 (300)", StatbelPic, provenance + " Files gemeente2024.xlsx and aggregation tables.", new DateOnly(2019, 1, 1), false, null,
                municipalities2019.Count, [], []),
            new(DatasetKind.Municipalities, MunicipalitySet.Set2025, "Gemeenten vanaf 2025 (285)", StatbelPic, provenance + " Files gemeente.xlsx and aggregation tables.", new DateOnly(2025, 1, 1), false, null,
                municipalities2025.Count, [], []),
            Regions("Referentieregio's (beslissing 4/2/2022; versie 17/2/2022)", MunicipalitySet.Set2019, new DateOnly(2022, 2, 17),
                "kerntabellen/gemeente_refreg.xlsx, repo version of 2022-02-17 (commit 75d6e8f414e3a14acbc9df474f2f4deba84135c2), right after the Flemish Government's decision of 4 Feb 2022. Zwijndrecht in Regio Antwerpen.",
                m300.Select(r => (r["nis_code"], r["refreg_code_2022"], r["refreg_name_2022"]))),
            Regions("Referentieregio's (versie 8/2/2024)", MunicipalitySet.Set2019, new DateOnly(2024, 2, 8),
                "kerntabellen/gemeente_refreg.xlsx, repo version of 2024-02-08 (commit 98f23837103be215adb1bc98afd321695691c93c). Only change: Zwijndrecht to Waasland.",
                m300.Select(r => (r["nis_code"], r["refreg_code_2024"], r["refreg_name_2024"]))),
            Regions("Referentieregio's op de gemeenten van 2025 (versie 9/3/2026)", MunicipalitySet.Set2025, new DateOnly(2026, 3, 9),
                "kerntabellen/gemeente_refreg.xlsx, repo version of 2026-03-09 (commit b66fd371b25e9400d2af877e5cb45815fa7491a2).",
                m285.Select(r => (r["nis_code"], r["refreg_code"], r["refreg_name"]))),
            Figures(DatasetKind.Inhabitants, "Inwoners op 1/1/2020", "Statbel", new DateOnly(2020, 1, 1),
                "Statbel, population on 1 January 2020, via GitHub vandenbroucke/belgian_municipalities data/2020 (commit 3a2c5f82422c255e4329d51de07999b22ce048a9). Statbel open data. Flemish total 6,629,143.",
                pop2020.Select(r => (r["nis_code"], long.Parse(r["inhabitants_2020_01_01"], CultureInfo.InvariantCulture))), false, null),
            Figures(DatasetKind.WorkingAgePopulation, "Bevolking op beroepsactieve leeftijd (15-64) op 1/1/2017", "Statbel", new DateOnly(2017, 1, 1),
                "Statbel TF_SOC_POP_STRUCT_2017 summed to 15-64 by GitHub twallema/flepimop_influenza_BE (commit e85298f8804db06522153677df2669b4421a1298; that repository is CC BY-NC-SA 4.0, the figures are Statbel open data). Flemish total 4,170,232.",
                pop2017.Select(r => (r["nis_code"], long.Parse(r["pop_15_64"], CultureInfo.InvariantCulture))), false, null),
            Figures(DatasetKind.JobSeekers, "Werkzoekenden (schatting)", "Regiekamer-schatting op Statbel 15-64", new DateOnly(2017, 1, 1),
                "Derived in Regiekamer from the working-age dataset: " + JobSeekerEstimateMethod.En,
                pop2017.Select(r => (r["nis_code"], EstimateJobSeekers(long.Parse(r["pop_15_64"], CultureInfo.InvariantCulture)))), true, JobSeekerEstimateMethod.Nl),
        };
        datasets.AddRange(JobSeekerSeries(vdab, FigureSeries.YearAverage, "wzw_year_average_"));
        datasets.AddRange(JobSeekerSeries(vdab, FigureSeries.December31, "wzw_31dec_register_"));

        return new ShippedReferenceData
        {
            Municipalities2019 = municipalities2019,
            Municipalities2025 = municipalities2025,
            Regions = regions.Select(r => new ReferenceRegion { Code = r["refreg_code"], Name = r["refreg_name"], ProvinceNis = r["province_nis"], ProvinceName = r["province_name"] }).ToList(),
            Datasets = datasets,
            KnownCompositions = known.Select(r => new KnownComposition(
                r["regieverband"],
                r["member_nis_codes_2019_2024"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(NisCode.Parse).ToList(),
                r["period_evidence"],
                r["source_url"],
                r["notes"])).ToList(),
            AgeGroups2017 = pop2017.ToDictionary(
                r => NisCode.Parse(r["nis_code"]),
                r => new AgeGroupCounts(Count(r["pop_0_4"]), Count(r["pop_5_14"]), Count(r["pop_15_64"]), Count(r["pop_65_plus"]), Count(r["pop_total"]))),
        };

        static long Count(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

        static ShippedDataset Regions(string title, MunicipalitySet set, DateOnly date, string detail, IEnumerable<(string Nis, string Code, string Name)> rows)
        {
            var list = rows.Select(r => new RegionAssignment { NisCode = NisCode.Parse(r.Nis), RegionCode = r.Code, RegionName = r.Name }).ToList();
            return new ShippedDataset(DatasetKind.ReferenceRegions, set, title, StatbelPic, "GitHub provinciesincijfers/gebiedsniveaus, " + detail, date, false, null, list.Count, list, []);
        }

        // One dataset per series and year, on the 2025 municipalities; a suppressed (empty) value has no row. 31/12/2014 is empty throughout.
        static IEnumerable<ShippedDataset> JobSeekerSeries(List<Dictionary<string, string>> rows, FigureSeries series, string prefix)
        {
            for (var year = FirstJobSeekerYear; year <= LastJobSeekerYear; year++)
            {
                var column = prefix + year.ToString(CultureInfo.InvariantCulture);
                var figures = rows.Where(r => r[column].Length > 0)
                    .Select(r => new MunicipalityFigure { NisCode = NisCode.Parse(r["nis_code"]), Value = long.Parse(r[column], NumberStyles.None, CultureInfo.InvariantCulture) })
                    .ToList();
                if (figures.Count == 0)
                {
                    continue;
                }

                var (title, what, date) = series == FigureSeries.YearAverage
                    ? ($"Werkzoekenden zonder werk (WZW), jaargemiddelde {year}", "VDAB's yearly average of the 12 monthly counts (report source: 'VDAB | provincies.incijfers.be')", new DateOnly(year, 12, 31))
                    : ($"Werkzoekenden zonder werk (WZW) op 31/12/{year}", "the position on 31 December linked to the national register by home address (report source: 'VDAB en Rijksregister | provincies.incijfers.be')", new DateOnly(year, 12, 31));
                var suppressed = rows.Where(r => r[column].Length == 0).Select(r => r["name_nl"]).ToList();
                yield return new ShippedDataset(
                    DatasetKind.JobSeekers,
                    MunicipalitySet.Set2025,
                    title,
                    VdabSource,
                    $"VDAB job seekers without work (werkzoekenden zonder werk, WZW; formerly NWWZ) per municipality on the 2025 boundaries, {year}: {what}. "
                    + "Export of the Provincies in Cijfers report 'Werkloosheid - gemeenten' of 21 May 2026, committed as data/external/unemployment_jobseekers_data.xlsx "
                    + "in GitHub NetBeck22/education (commit fb8ee6da7ad1); shared/data/flanders_job_seekers_wzw_2014-2024_285.csv, column " + column + ". "
                    + "No licence stated; the figures are VDAB's. Figures back-cast onto the 2025 municipalities; the export's marks of estimated or provisional "
                    + "cells (formatting) are not kept. Reference date: the last day of the year the figure describes."
                    + (suppressed.Count > 0 ? $" Suppressed in the source (no row): {string.Join(", ", suppressed)}." : ""),
                    date,
                    false,
                    null,
                    figures.Count,
                    [],
                    figures,
                    series,
                    year);
            }
        }

        static ShippedDataset Figures(DatasetKind kind, string title, string source, DateOnly date, string provenance, IEnumerable<(string Nis, long Value)> rows, bool estimate, string? method)
        {
            var list = rows.Select(r => new MunicipalityFigure { NisCode = NisCode.Parse(r.Nis), Value = r.Value }).ToList();
            return new ShippedDataset(kind, MunicipalitySet.Set2019, title, source, provenance, date, estimate, method, list.Count, [], list);
        }
    }

    private static List<Dictionary<string, string>> Read(string file)
    {
        var name = "Regiekamer.ReferenceData." + file;
        using var stream = typeof(ShippedReferenceData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded reference file {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var h in header)
            {
                row[h] = csv.GetField(h) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>A dataset as shipped, before it is written to the database.</summary>
public sealed record ShippedDataset(
    DatasetKind Kind,
    MunicipalitySet Set,
    string Title,
    string Source,
    string Provenance,
    DateOnly ReferenceDate,
    bool IsEstimate,
    string? EstimateMethod,
    int RowCount,
    IReadOnlyList<RegionAssignment> Assignments,
    IReadOnlyList<MunicipalityFigure> Figures,
    FigureSeries? Series = null,
    int? Year = null)
{
    public ReferenceDataset ToEntity(DateTime importedAtUtc) => new()
    {
        Kind = Kind,
        MunicipalitySet = Set,
        Title = Title,
        Source = Source,
        Provenance = Provenance,
        ReferenceDate = ReferenceDate,
        IsEstimate = IsEstimate,
        EstimateMethod = EstimateMethod,
        RowCount = RowCount,
        ImportedAtUtc = importedAtUtc,
        Series = Series,
        Year = Year,
    };

    /// <summary>Whether <paramref name="dataset"/> is this shipped dataset (as the seeder wrote it).</summary>
    public bool Is(ReferenceDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Kind == Kind && dataset.MunicipalitySet == Set && dataset.Title == Title && dataset.Source == Source
            && dataset.ReferenceDate == ReferenceDate && dataset.Series == Series && dataset.Year == Year;
    }
}

/// <summary>One municipality's population by age group; <see cref="Total"/> is the source's own total.</summary>
public sealed record AgeGroupCounts(long Age0To4, long Age5To14, long Age15To64, long Age65Plus, long Total);

/// <summary>A partnership composition found on a public web page (demo data, not the official list).</summary>
public sealed record KnownComposition(string Name, IReadOnlyList<NisCode> Members, string PeriodEvidence, string SourceUrl, string Notes);
