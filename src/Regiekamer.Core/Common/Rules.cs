namespace Regiekamer.Core.Common;

/// <summary>Rule IDs of ../shared/docs/scheme.md, used in findings, errors and ProblemDetails.errorCode.</summary>
public static class Rules
{
    public const string R1 = "R1";
    public const string R2 = "R2";
    public const string R3 = "R3";
    public const string R4 = "R4";
    public const string R5 = "R5";
    public const string R6 = "R6";
    public const string R7 = "R7";
    public const string R8 = "R8";
    public const string R9 = "R9";
    public const string R10 = "R10";
    public const string R11 = "R11";
    public const string R12 = "R12";
    public const string R13 = "R13";
    public const string R14 = "R14";
    public const string R15 = "R15";
    public const string R16 = "R16";
}
