using Regiekamer.Web.Features.Eligibility;
using Regiekamer.Web.Features.Municipalities;
using Regiekamer.Web.Features.Partnerships;

namespace Regiekamer.Web.Features.WhatIf;

public sealed record WhatIfRequest(string? Action, int? PartnershipId, string? Municipality, PartnershipRequest? NewPartnership, DateOnly? On);

public sealed record WhatIfRowDto(string Partnership, string Before, string After, string Change, bool EligibleBefore, bool EligibleAfter, IReadOnlyList<FindingDto> FindingsAfter);

public sealed record WhatIfDto(string Budget, bool Estimate, IReadOnlyList<WhatIfRowDto> Partnerships);

public sealed record JoinOptionDto(string NisCode, string Municipality, string ReferenceRegion, string Partnership, string Before, string After, string Change, string OthersChange);

public sealed record JoinTableSourcesDto(SourceDto WorkingAgePopulation, SourceDto JobSeekers, SourceDto Regions);

public sealed record JoinTableDto(bool Estimate, JoinTableSourcesDto Sources, IReadOnlyList<JoinOptionDto> Options);

