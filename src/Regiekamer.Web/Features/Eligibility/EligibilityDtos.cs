using Regiekamer.Core.Eligibility;
using Regiekamer.Web.Features.Municipalities;

namespace Regiekamer.Web.Features.Eligibility;

public sealed record FindingDto(string Rule, string Severity, string Message, string MessageEn)
{
    public static FindingDto Of(Finding f) => new(f.Rule, f.Severity == Core.Eligibility.Severity.Violation ? "violation" : "warning", f.Message.Nl, f.Message.En);
}

public sealed record EligibilityDto(int? PartnershipId, string Partnership, bool Eligible, IReadOnlyList<FindingDto> Findings);

public sealed record EligibilityListDto(string Call, int CallVersion, DateOnly On, SourceDto Regions, SourceDto Inhabitants, IReadOnlyList<EligibilityDto> Partnerships);
