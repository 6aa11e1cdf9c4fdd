using System.Globalization;
using Regiekamer.Core.Audit;

namespace Regiekamer.Core.Calls;

/// <summary>What the audit trail keeps of a call version's terms (R14).</summary>
[Audited(CallService.AuditEntity, "Oproep", "Call")]
public sealed record CallVersionSnapshot(
    [property: Label("Versie", "Version")] int Number,
    [property: Label("Jaarbudget (EUR)", "Yearly budget (EUR)")] string YearlyBudget,
    [property: Label("Gewichten 15–64 / werkzoekenden / gelijk (%)", "Weights 15–64 / job seekers / equal (%)")] string Weights,
    [property: Label("Indiendatum", "Deadline")] string Deadline,
    [property: Label("Prioriteiten", "Priorities")] string Priorities,
    [property: Label("Dataset referentieregio's", "Reference-region dataset")] int RegionDatasetId,
    [property: Label("Dataset werkzoekenden", "Job-seeker dataset")] int? JobSeekersDatasetId,
    [property: Label("Geldt vanaf", "Effective from")] string EffectiveFrom,
    [property: Label("Opmerking", "Note")] string? Note,
    [property: Label("Voorschot na het besluit (%)", "Advance after the decree (%)")] int? AdvancePercent = null,
    [property: Label("Jaarverslag tegen (dag/maand van het jaar erna)", "Annual report due (day/month of the year after)")] string? ReportDue = null) : IAuditSnapshot
{
    public static CallVersionSnapshot Of(CallVersion v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(
            v.Number,
            v.YearlyBudget.ToInvariantString(),
            $"{v.WeightWorkingAge},{v.WeightJobSeekers},{v.WeightEqual}",
            v.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            v.Priorities,
            v.RegionDatasetId,
            v.JobSeekersDatasetId,
            v.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            v.Note,
            v.AdvancePercent,
            string.Create(CultureInfo.InvariantCulture, $"{v.ReportDueDay:D2}/{v.ReportDueMonth:D2}"));
    }
}

/// <summary>The actions of a call besides creation.</summary>
public static class CallActions
{
    [Label("Nieuwe versie", "Version added")]
    public const string VersionAdded = "VersionAdded";

    [Label("Werkzoekenden toegewezen", "Job seekers assigned")]
    public const string JobSeekersAssigned = "JobSeekersAssigned";
}

/// <summary>Which job-seeker figures a call version uses, as the upgrade of an older database set them.</summary>
[Audited(CallService.AuditEntity, "Oproep", "Call")]
public sealed record CallJobSeekerChoice(
    [property: Label("Versie", "Version")] int Number,
    [property: Label("Dataset werkzoekenden", "Job-seeker dataset")] int? JobSeekersDatasetId,
    [property: Label("Opmerking", "Note")] string? Note = null) : IAuditSnapshot;

/// <summary>A version that named no job-seeker figures given the call's choice (the upgrade to real VDAB figures).</summary>
public sealed record CallJobSeekersAssigned(int CallId, CallJobSeekerChoice Old, CallJobSeekerChoice New)
    : Changed<CallJobSeekerChoice>(KeyOf(CallId), CallActions.JobSeekersAssigned, Old, New);

/// <summary>A call made, with its first version.</summary>
public sealed record CallCreated(int CallId, CallVersionSnapshot FirstVersion)
    : Created<CallVersionSnapshot>(KeyOf(CallId), FirstVersion);

/// <summary>R14: a new version of the terms; before is the version it replaces.</summary>
public sealed record CallVersionAdded(int CallId, CallVersionSnapshot Old, CallVersionSnapshot New)
    : Changed<CallVersionSnapshot>(KeyOf(CallId), CallActions.VersionAdded, Old, New);
