using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Partnerships;

/// <summary>A lokaal regieverband: one central city alone, or a cooperation of municipalities (R1).</summary>
public sealed class Partnership
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public PartnershipKind Kind { get; set; }

    public PartnershipStatus Status { get; set; }

    /// <summary>The set the member codes belong to; viewable on the 2025 set through the merger mapping.</summary>
    public MunicipalitySet MunicipalitySet { get; set; } = MunicipalitySet.Set2019;

    /// <summary>R4: the member that applies, reports and receives the money (required for an interlocal association).</summary>
    public NisCode? ManagingNisCode { get; set; }

    /// <summary>R6: why an existing partnership changed or split.</summary>
    public string? ChangeMotivation { get; set; }

    public string? RegisseurName { get; set; }

    public string? RegisseurEmail { get; set; }

    public string? RegisseurPhone { get; set; }

    /// <summary>Demo data, not an official composition: the source it was compiled from.</summary>
    public bool IsDemo { get; set; }

    public string? DemoSource { get; set; }

    public List<PartnershipMember> Members { get; set; } = [];

    /// <summary>Optimistic concurrency: incremented on every save (see RegiekamerDb.SaveChanges).</summary>
    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

public sealed class PartnershipMember
{
    public int PartnershipId { get; set; }

    public NisCode NisCode { get; set; }
}
