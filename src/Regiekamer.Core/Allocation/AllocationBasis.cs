using Regiekamer.Core.Applications;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Allocation;

/// <summary>Over whom a call's budget is divided (R13): what the dossiers of the call allow so far.</summary>
public enum AllocationBasis
{
    /// <summary>No dossier was handed in yet: a preview over every partnership registered for the call.</summary>
    Registered,

    /// <summary>Dossiers were submitted, none decided: a fictitious simulation over them (seed 003 §4, note 8).</summary>
    Submitted,

    /// <summary>The call has decisions: the partnerships whose application was approved.</summary>
    Approved,
}

/// <summary>A partnership's dossier for the call, as far as the allocation cares.</summary>
public sealed record DossierStanding(int PartnershipId, ApplicationStatus Status, int SubmittedVersions);

/// <summary>R13's "all approved beneficiaries", before and after the decisions (pure).</summary>
public static class AllocationBases
{
    /// <summary>Approved once any dossier of the call is decided; a simulation over the submitted ones before that; else the registered partnerships.</summary>
    public static AllocationBasis For(IReadOnlyCollection<DossierStanding> dossiers)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        if (dossiers.Any(d => d.Status is ApplicationStatus.Approved or ApplicationStatus.Rejected))
        {
            return AllocationBasis.Approved;
        }

        return dossiers.Any(Submitted) ? AllocationBasis.Submitted : AllocationBasis.Registered;
    }

    /// <summary>Whether a partnership shares in the budget on this basis.</summary>
    public static bool Includes(AllocationBasis basis, DossierStanding? dossier) => basis switch
    {
        AllocationBasis.Registered => true,
        AllocationBasis.Submitted => dossier is not null && Submitted(dossier),
        _ => dossier?.Status == ApplicationStatus.Approved,
    };

    private static bool Submitted(DossierStanding d) =>
        d.SubmittedVersions > 0 && d.Status is not (ApplicationStatus.Withdrawn or ApplicationStatus.Rejected);

    public static string Code(this AllocationBasis basis) => basis switch
    {
        AllocationBasis.Registered => "registered",
        AllocationBasis.Submitted => "submitted-simulation",
        _ => "approved",
    };

    /// <summary>What the allocation pages say the amounts rest on.</summary>
    public static Bilingual Label(this AllocationBasis basis) => basis switch
    {
        AllocationBasis.Registered => new(
            "Voorlopige verdeling over alle geregistreerde regieverbanden: er is nog geen aanvraag ingediend.",
            "Provisional allocation over every registered partnership: no application has been submitted yet."),
        AllocationBasis.Submitted => new(
            "Fictieve simulatie over de ingediende aanvragen (handleiding §4, noot 8): er is nog over geen enkele aanvraag beslist, de bedragen zijn niet definitief.",
            "Fictitious simulation over the submitted applications (manual §4, note 8): no application has been decided yet, the amounts are not final."),
        _ => new(
            "Verdeling over de goedgekeurde aanvragen (R13).",
            "Allocation over the approved applications (R13)."),
    };
}
