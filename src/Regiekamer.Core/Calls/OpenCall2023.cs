using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Calls;

/// <summary>
/// The open call 2023-2025 as seed 003 sets it: EUR 3,000,000 a year, 40/20/40, deadline 15/1/2023, WSE-LR1..4, on
/// the 2019-2024 municipalities. The database is seeded with it, and the CLI, which runs without a database, judges
/// and allocates by the same terms.
/// </summary>
public static class OpenCall2023
{
    public const string Code = "2023-2025";

    public const string Title = "Open oproep lokale regierol sociale economie en werk 2023-2025";

    public const int FirstYear = 2023;

    public const int LastYear = 2025;

    public const MunicipalitySet Set = MunicipalitySet.Set2019;

    public static Money YearlyBudget { get; } = Money.FromEuros(3_000_000);

    public static AllocationWeights Weights { get; } = new(40, 20, 40);

    public static DateOnly Deadline { get; } = new(2023, 1, 15);

    public const string Priorities = "WSE-LR1;WSE-LR2;WSE-LR3;WSE-LR4";

    /// <summary>
    /// Which job-seeker figures the call's allocation uses: VDAB's yearly average of 2022. This is Regiekamer's
    /// assumption, not the manual's: R13 says only "the number of job seekers", and the amounts were set in April 2023,
    /// so the last full year before is 2022. A new call version can choose another series or year.
    /// </summary>
    public const FigureSeries JobSeekerSeries = FigureSeries.YearAverage;

    /// <inheritdoc cref="JobSeekerSeries"/>
    public const int JobSeekerYear = 2022;

    /// <summary>What the call's version 1 says of its job-seeker figures (shown with the version).</summary>
    public const string JobSeekerNote = "Werkzoekenden: VDAB jaargemiddelde 2022, een aanname van Regiekamer (R13 noemt enkel 'het aantal werkzoekenden'; de bedragen lagen vast in april 2023, het laatste volle jaar ervoor is 2022).";

    /// <summary>The date to judge on when none is given (<see cref="Call.JudgementDate(int, int, DateOnly)"/>).</summary>
    public static DateOnly JudgementDate(DateOnly today) => Call.JudgementDate(FirstYear, LastYear, today);

    /// <summary>The call with its first version, on the given reference-region and job-seeker datasets.</summary>
    public static Call Create(int regionDatasetId, int jobSeekersDatasetId, DateTime now) => new()
    {
        Code = Code,
        Title = Title,
        FirstYear = FirstYear,
        LastYear = LastYear,
        MunicipalitySet = Set,
        Versions =
        [
            new CallVersion
            {
                Number = 1,
                YearlyBudget = YearlyBudget,
                WeightWorkingAge = Weights.WorkingAge,
                WeightJobSeekers = Weights.JobSeekers,
                WeightEqual = Weights.Equal,
                Deadline = Deadline,
                Priorities = Priorities,
                RegionDatasetId = regionDatasetId,
                JobSeekersDatasetId = jobSeekersDatasetId,
                EffectiveFrom = new DateOnly(FirstYear, 1, 1),
                Note = "Handleiding open oproep 2023-2025 (seed 003). Referentieregio's volgens de beslissing van 4/2/2022. " + JobSeekerNote,
                CreatedAtUtc = now,
            },
        ],
    };
}
