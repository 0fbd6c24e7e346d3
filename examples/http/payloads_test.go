package main

// alarmMessage is a CloudWatch alarm message as SNS carries it: the
// Message of a notification.
const alarmMessage = `{"AlarmName":"checkout-latency-high","AlarmDescription":"p99 latency of the checkout API",` +
	`"AWSAccountId":"123456789012","AlarmConfigurationUpdatedTimestamp":"2026-11-20T09:00:00.000+0000",` +
	`"NewStateValue":"ALARM","NewStateReason":"Threshold Crossed: 1 out of the last 1 datapoints [2.5 (25/11/26 09:55:00)] was greater than the threshold (2.0) (minimum 1 datapoint for OK -> ALARM transition).",` +
	`"StateChangeTime":"2026-11-25T10:00:00.000+0000","Region":"EU (Ireland)",` +
	`"AlarmArn":"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-latency-high","OldStateValue":"OK",` +
	`"OKActions":[],"AlarmActions":["arn:aws:sns:eu-west-1:123456789012:alarms"],"InsufficientDataActions":[],` +
	`"Trigger":{"MetricName":"Latency","Namespace":"Checkout","StatisticType":"ExtendedStatistic","ExtendedStatistic":"p99",` +
	`"Unit":null,"Dimensions":[{"value":"prod","name":"Stage"}],"Period":300,"EvaluationPeriods":1,` +
	`"ComparisonOperator":"GreaterThanThreshold","Threshold":2.0,"TreatMissingData":"missing","EvaluateLowSampleCountPercentile":""}}`

// eventBridgeEvent is a "CloudWatch Alarm State Change" event as an API
// destination receives it.
const eventBridgeEvent = `{"version":"0","id":"9a2b9c3e-0f4e-4d5b-a1c2-3d4e5f6a7b8c",` +
	`"detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","account":"123456789012",` +
	`"time":"2026-11-25T10:00:00Z","region":"eu-west-1",` +
	`"resources":["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:orders-queue-depth"],` +
	`"detail":{"alarmName":"orders-queue-depth","state":{"value":"ALARM","reason":"Threshold Crossed: 1 datapoint [120.0 (25/11/26 09:59:00)] was greater than the threshold (100.0).",` +
	`"timestamp":"2026-11-25T10:00:00.000+0000"},"previousState":{"value":"OK","reason":"Threshold Crossed","timestamp":"2026-11-25T09:00:00.000+0000"},` +
	`"configuration":{"description":"orders backlog","metrics":[{"id":"m1","metricStat":{"metric":{"namespace":"AWS/SQS",` +
	`"name":"ApproximateNumberOfMessagesVisible","dimensions":{"QueueName":"orders"}},"period":60,"stat":"Maximum"},"returnData":true}]}}}`

// configChangeEvent is an EventBridge event about an alarm that holds no
// state change.
const configChangeEvent = `{"version":"0","id":"1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809",` +
	`"detail-type":"CloudWatch Alarm Configuration Change","source":"aws.cloudwatch","account":"123456789012",` +
	`"time":"2026-11-25T10:00:00Z","region":"eu-west-1","resources":["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:orders-queue-depth"],` +
	`"detail":{"alarmName":"orders-queue-depth","operation":"update","state":{"value":"OK","timestamp":"2026-11-25T10:00:00.000+0000"},` +
	`"configuration":{"metrics":[]}}}`
