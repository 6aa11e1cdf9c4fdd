using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Eligibility;

/// <summary>One partnership as it was judged: the partnership (as loaded, not to be changed) and what R1–R6 say of it.</summary>
public sealed record PartnershipEligibility(Partnership Partnership, EligibilityResult Result);
