namespace AssetBridge.Emulators.ServiceNow.Query;

/// <summary>The encoded-query operators the emulator understands.</summary>
internal enum QueryOperator
{
    Equals,
    NotEquals,
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
    IsEmpty,
    IsNotEmpty,
    Anything,
    In,
    NotIn,
    StartsWith,
    EndsWith,
    Like,
    NotLike,
}
