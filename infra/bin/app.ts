// The CDK app that cdk.json runs: one stack per stage, configured by context (-c key=value).
import { App } from 'aws-cdk-lib';
import { addAuthchartStack } from '../lib/addAuthchartStack.js';

addAuthchartStack(new App());
